package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import dev.plinth.config.Secret;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The secrets component built alone, with a hand-made secrets key. */
class SecretsTest {
  static final String SECRET = "aws:secretsmanager/secret:Secret";

  @Test
  void eachAppSecretIsStoredUnderPlinthEnvironmentAndItsNameWithTheGivenKey() {
    ResourceGraph graph =
        DataAlone.secrets(
            Environment.STAGING,
            Map.of("API_TOKEN", new Secret("s3cr3t-one"), "SIGNING_KEY", new Secret("s3cr3t-two")));

    for (String name : new String[] {"API_TOKEN", "SIGNING_KEY"}) {
      String suffix = "app-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      RecordedResource secret = graph.get(SECRET, "test-secrets-" + suffix);
      assertThat(secret.text("name"))
          .as("name of %s", secret)
          .isEqualTo("plinth/staging/app-" + name);
      assertThat(secret.text("kmsKeyId"))
          .as("key of %s", secret)
          .isEqualTo(Handles.keyArn("secrets"));
    }
    assertThat(graph.ofType(SECRET)).as("secrets").hasSize(2);
    assertThat(graph.where(r -> r.inputs().toString().contains("s3cr3t")))
        .as("resources showing a secret value")
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void secretsAreProtectedOnlyInProdAndRecoverableFor30DaysOutsideDev(Environment environment) {
    RecordedResource secret =
        DataAlone.secrets(environment, Map.of("API_TOKEN", new Secret("x")))
            .get(SECRET, "test-secrets-app-api-token");

    assertThat(secret.protect())
        .as("protect of %s in %s", secret, environment)
        .isEqualTo(environment.isProduction());
    assertThat(secret.input("recoveryWindowInDays").orElseThrow().asInt())
        .as("recovery window of %s in %s", secret, environment)
        .isEqualTo(environment == Environment.DEV ? 7 : 30);
  }
}
