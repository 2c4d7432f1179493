package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.PlatformConfig;
import dev.plinth.testing.Plans;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every real stack file at the project root loads, validates and plans. */
class StackFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theStackFileLoadsAndPlans(String stack) {
    PlatformConfig config = Plans.stackFile(stack);
    ResourceGraph plan = Plans.ofStack(stack);

    assertThat(config.environment().key()).isEqualTo(stack);
    assertThat(plan.root()).as("stack resource of %s", stack).isPresent();
    List<String> components =
        new java.util.ArrayList<>(
            List.of(
                "keys",
                "network",
                "edge-lb",
                "secrets",
                "db",
                "cache",
                "backups",
                "registry",
                "cluster",
                "cluster-addons",
                "app",
                "monitoring",
                "budget",
                "audit"));
    if (!stack.equals("dev")) {
      components.add("edge-certificate"); // dev serves HTTP only, with no certificate
      components.add("access"); // plinth:access is off in dev (docs/operator-access.md)
    }
    if (!stack.equals("dev")) {
      // plinth:edge.cdn: on in staging and prod, whose web ACL is then the edge's
      components.addAll(List.of("edge-cdn", "edge-cdn-waf"));
    } else {
      components.add("edge-waf");
    }
    if (!stack.equals("prod")) {
      components.add("office-hours"); // plinth:officeHours: on in dev and staging, off in prod
    }
    assertThat(plan.where(r -> r.type().startsWith("plinth:")))
        .as("components of %s", stack)
        .extracting(RecordedResource::name)
        .containsExactlyInAnyOrderElementsOf(
            components.stream().map(c -> stack + "-" + c).toList());
    assertThat(plan.where(r -> r.type().startsWith("plinth:")))
        .allSatisfy(c -> assertThat(plan.children(c.urn())).as("children of %s", c).isNotEmpty());
    assertThat(plan.where(r -> r.parent() == null))
        .as("resources without a parent in %s", stack)
        .extracting(RecordedResource::type)
        .containsOnly("pulumi:pulumi:Stack");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyAwsResourceUsesOneOfTheStacksExplicitProviders(String stack) {
    ResourceGraph plan = Plans.ofStack(stack);
    java.util.List<String> providers =
        plan.ofType("pulumi:providers:aws").stream()
            .peek(p -> assertThat(p.name()).startsWith(stack + "-aws"))
            .map(RecordedResource::urn)
            .toList();

    assertThat(plan.where(r -> r.type().startsWith("aws:")))
        .allSatisfy(
            r ->
                assertThat(providers)
                    .as("provider of %s", r)
                    .anyMatch(p -> r.provider() != null && r.provider().startsWith(p + "::")));
  }
}
