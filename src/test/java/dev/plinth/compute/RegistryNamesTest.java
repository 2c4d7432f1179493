package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.ConfigException;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defect 4: ECR repository names are unique per account and region. */
class RegistryNamesTest {

  @Test
  void repositoryNamesDifferBetweenTheStacksThatShareAnAccount() {
    Set<String> seen = new HashSet<>();
    for (String env : List.of("dev", "staging", "prod")) {
      for (RecordedResource repo : Plans.ofStack(env).ofType("aws:ecr/repository:Repository")) {
        String name = repo.text("name");
        assertThat(name)
            .as("ECR repository %s must sit under plinth/%s/", repo.name(), env)
            .startsWith("plinth/" + env + "/")
            .matches(Registry.REPOSITORY_NAME);
        assertThat(seen.add(name))
            .as("repository name %s of %s is taken by another stack", name, repo.name())
            .isTrue();
      }
    }
    assertThat(seen).contains("plinth/prod/app-api", "plinth/dev/app-worker");
  }

  @Test
  void theApplicationsImageComesFromItsStacksRepository() {
    ResourceGraph plan = Plans.ofStack("staging");
    String url = plan.get("aws:ecr/repository:Repository", "staging-registry-app-api").text("name");

    assertThat(plan.outputs().get("appImage").asText())
        .as("the application's image")
        .contains(".amazonaws.com/" + url + ":");
    assertThat(plan.outputs().get("repositoryUrls").has("app-api"))
        .as("repositoryUrls keeps the short names")
        .isTrue();
  }

  @Test
  void aRepositoryNameEcrRefusesIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                Plans.config(
                    "dev", Map.of("plinth:cluster", Map.of("repositories", List.of("App_API")))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("plinth:cluster.repositories[0] must give an ECR repository name")
        .hasMessageContaining("(got App_API)");
  }
}
