package dev.plinth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code plinth:account}: which stacks share an account in {@code plan --all}. */
class AccountSettingTest {
  static final String ALLOWED =
      " must name the AWS account the stack deploys to: its 12-digit id or an account alias (3 to"
          + " 63 lowercase letters, digits and single hyphens, not starting or ending with a"
          + " hyphen, as IAM account aliases are); stacks with the same value share one account"
          + " in plan --all";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyEnvironmentDefaultsToOneSharedAccount(String env) {
    assertThat(Plans.config(env).account()).isEqualTo(PlatformConfig.DEFAULT_ACCOUNT);
    assertThat(ConfigView.of(Plans.config(env)).get("plinth:account").asText())
        .isEqualTo("default");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"acme-prod", "123456789012", "a1b"})
  void anAliasOrAnAccountIdIsAccepted(String account) {
    assertThat(Plans.config("dev", Map.of("plinth:account", account)).account()).isEqualTo(account);
  }

  @org.junit.jupiter.api.Test
  void anAccountIdWrittenAsANumberIsAccepted() {
    assertThat(Plans.config("dev", Map.of("plinth:account", 123456789012L)).account())
        .isEqualTo("123456789012");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Acme Prod", "-acme", "acme-", "ac--me", "ab", "prod_account"})
  void anythingElseIsRefusedNamingKeyValueAndWhatIsAllowed(String account) {
    assertThatThrownBy(() -> Plans.config("dev", Map.of("plinth:account", account)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::message)
                    .containsExactly("plinth:account" + ALLOWED + " (got " + account + ")"));
  }

  @Test
  void aRaisedQuotaNamesAQuotaTheCheckCountsAndIsAtLeastOne() {
    assertThat(Plans.config("dev", Map.of("plinth:quotas", Map.of("elasticIps", 10))).quotas())
        .containsEntry("elasticIps", 10);
    assertThatThrownBy(
            () -> Plans.config("dev", Map.of("plinth:quotas", Map.of("elasticIp", 10, "vpcs", 0))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::message)
                    .containsExactlyInAnyOrder(
                        "plinth:quotas.elasticIp is not a quota the account check counts; known:"
                            + " elasticIps, vpcs, internetGateways, natGatewaysPerZone,"
                            + " logResourcePolicies (got elasticIp)",
                        "plinth:quotas.vpcs must be the quota AWS granted the account in this region,"
                            + " a whole number of at least 1 (got 0)"));
  }
}
