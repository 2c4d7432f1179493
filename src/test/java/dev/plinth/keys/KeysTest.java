package dev.plinth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys component built alone, from a hand-made account context. */
class KeysTest {

  static ResourceGraph keys(Environment environment) {
    return Handles.build(
        ctx ->
            new Keys(
                "test-keys",
                environment,
                Handles.aws(),
                ComponentResourceOptions.builder().build()));
  }

  @Test
  void everyDomainHasARotatingKeyAndAnAliasUnderPlinthAndTheEnvironment() {
    ResourceGraph graph = keys(Environment.STAGING);

    for (KeyDomain domain : KeyDomain.values()) {
      RecordedResource key = graph.get("aws:kms/key:Key", "test-keys-" + domain.key());
      assertThat(key.input("enableKeyRotation").orElseThrow().asBoolean())
          .as("rotation of %s", key.name())
          .isTrue();
      RecordedResource alias =
          graph.get("aws:kms/alias:Alias", "test-keys-" + domain.key() + "-alias");
      assertThat(alias.text("name"))
          .as("alias of %s", key.name())
          .isEqualTo("alias/plinth/test/" + domain.key());
    }
    assertThat(graph.ofType("aws:kms/key:Key")).hasSize(KeyDomain.values().length);
  }

  @Test
  void keysAreProtectedAndWaitThirtyDaysOnlyInProduction() {
    for (Environment environment : List.of(Environment.DEV, Environment.PROD)) {
      ResourceGraph graph = keys(environment);
      boolean prod = environment == Environment.PROD;
      for (RecordedResource key : graph.ofType("aws:kms/key:Key")) {
        assertThat(key.protect())
            .as("protect of %s in %s", key.name(), environment)
            .isEqualTo(prod);
        assertThat(key.input("deletionWindowInDays").orElseThrow().asInt())
            .as("deletion window of %s in %s", key.name(), environment)
            .isEqualTo(prod ? 30 : 7);
      }
    }
  }

  @Test
  void aKeyRingWithoutADomainsKeyIsRefusedNamingTheDomain() {
    var arns = new java.util.EnumMap<KeyDomain, com.pulumi.core.Output<String>>(KeyDomain.class);
    for (KeyDomain domain : KeyDomain.values()) {
      if (domain != KeyDomain.AUDIT) {
        arns.put(domain, com.pulumi.core.Output.of("arn-" + domain.key()));
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeyRing(arns))
        .hasMessageContaining("no AUDIT");
  }
}
