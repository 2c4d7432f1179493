package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.Recorder;
import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsSettingsTest {

  @Test
  void theNameTheChecksMeasureIsTheNameTheSecretIsCreatedWith() {
    PlatformConfig config =
        Plans.config(
            "staging",
            Map.of(
                "plinth:secrets",
                Map.of("app", Map.of("STRIPE_API_KEY", Map.of("secure", "v1:c2VjcmV0")))));

    var secrets = Recorder.plan(config).ofType("aws:secretsmanager/secret:Secret");

    assertThat(secrets.stream().map((RecordedResource r) -> r.text("name")))
        .as("Secrets Manager names of the staging plan's secrets")
        .contains(SecretsSettings.secretName(Environment.STAGING, "STRIPE_API_KEY"));
    assertThat(secrets.stream().map(RecordedResource::name))
        .as("resource names of the staging plan's secrets")
        .anyMatch(n -> n.endsWith("-" + SecretsSettings.resourceSuffix("STRIPE_API_KEY")));
  }

  @Test
  void aNameThatFitsExactlyIsAccepted() {
    String longest =
        "A"
            .repeat(
                SecretsSettings.MAX_NAME_LENGTH
                    - SecretsSettings.secretName(Environment.PROD, "").length());

    assertThat(
            SecretsSettings.validate(
                new SecretsSettings(Map.of(longest, new Secret("v1:x"))), Environment.PROD))
        .isEmpty();
    assertThat(
            SecretsSettings.validate(
                new SecretsSettings(Map.of(longest + "A", new Secret("v1:x"))), Environment.PROD))
        .singleElement()
        .extracting(ConfigProblem::key)
        .isEqualTo("plinth:secrets.app." + longest + "A");
  }
}
