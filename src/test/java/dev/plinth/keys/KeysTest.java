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

    var everyStack =
        java.util.Arrays.stream(KeyDomain.values()).filter(KeyDomain::everyStack).toList();
    for (KeyDomain domain : everyStack) {
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
    assertThat(graph.ofType("aws:kms/key:Key")).hasSize(everyStack.size());
    assertThat(graph.resources())
        .as("no stack-wide key for the search domain, which makes its own")
        .noneMatch(r -> r.name().equals("test-keys-search"));
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
  void aSharedLayoutMakesOneKeyWhosePolicyHoldsEveryDomainsStatementsAndEveryAliasTargetsIt()
      throws Exception {
    ResourceGraph graph =
        Handles.build(
            ctx ->
                new Keys(
                    "test-keys",
                    Environment.DEV,
                    dev.plinth.config.KeySettings.KeyLayout.SHARED,
                    Handles.aws(),
                    ComponentResourceOptions.builder().build()));

    RecordedResource shared = graph.get("aws:kms/key:Key", "test-keys-shared");
    assertThat(graph.ofType("aws:kms/key:Key")).as("keys of a shared layout").hasSize(1);
    assertThat(shared.input("enableKeyRotation").orElseThrow().asBoolean())
        .as("rotation of %s", shared.name())
        .isTrue();
    var policy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(shared.text("policy"));
    List<String> sids = new java.util.ArrayList<>();
    policy.get("Statement").forEach(st -> sids.add(st.path("Sid").asText()));
    for (KeyDomain domain : KeyDomain.values()) {
      if (!domain.everyStack()) {
        continue; // an optional component's domain (search) makes its own key
      }
      String own = Keys.policy(domain, "123456789012", "aws", "us-east-1");
      var ownStatements = new com.fasterxml.jackson.databind.ObjectMapper().readTree(own);
      ownStatements
          .get("Statement")
          .forEach(
              st ->
                  assertThat(sids)
                      .as("statements of %s: those of domain %s", shared.name(), domain)
                      .contains(st.path("Sid").asText()));
      RecordedResource alias =
          graph.get("aws:kms/alias:Alias", "test-keys-" + domain.key() + "-alias");
      assertThat(alias.text("name"))
          .as("alias of domain %s", domain)
          .isEqualTo("alias/plinth/test/" + domain.key()); // the stack's name
      assertThat(alias.text("targetKeyId"))
          .as("the key %s points at", alias.name())
          .isEqualTo(shared.id());
    }
    assertThat(sids).as("statement ids of %s, each once", shared.name()).doesNotHaveDuplicates();
  }

  @Test
  void aKeyRingWithoutADomainsKeyIsRefusedNamingTheDomain() {
    var arns = new java.util.EnumMap<KeyDomain, com.pulumi.core.Output<String>>(KeyDomain.class);
    for (KeyDomain domain : KeyDomain.values()) {
      if (domain != KeyDomain.AUDIT && domain.everyStack()) {
        arns.put(domain, com.pulumi.core.Output.of("arn-" + domain.key()));
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeyRing(arns))
        .hasMessageContaining("no AUDIT");
  }
}
