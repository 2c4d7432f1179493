package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real stacks against the pack: every mandatory rule holds; a broken setting is caught. */
class RealStacksPolicyTest {
  /**
   * Rules with nothing to judge in a real stack: ECR-04, no stack writes an ECR repository policy;
   * DEP-21, no stack creates an EKS access entry; DEP-41, only prod's stack owns the account's
   * GuardDuty detector, dev and staging create none; PL-40 to PL-44, dev has no operator instance
   * (plinth:access off); PL-45, only prod owns the Session Manager preferences; PL-48 to PL-51, no
   * shipped stack builds a Client VPN (plinth:access.clientVpn is off everywhere;
   * ClientVpnInPlanTest judges one); OS-01 to OS-07, no shipped stack builds an OpenSearch domain
   * (plinth:search is on only in prod's large tier; SearchInPlanTest judges one); CDN-01 to CDN-05,
   * a distribution, in staging and prod only (dev has no domain; prod-dr's is prod's:
   * plinth:edge.cdn).
   */
  static final Map<Environment, List<String>> NOT_JUDGED =
      Map.of(
          Environment.DEV,
          // dev has no RDS Proxy (plinth:database.proxy.enabled false): PL-46 and PL-47 judge none
          List.of(
              "PL-40", "PL-41", "PL-42", "PL-43", "PL-44", "PL-45", "PL-48", "PL-49", "PL-50",
              "PL-51", "CDN-01", "CDN-02", "CDN-03", "CDN-04", "CDN-05", "PL-46", "PL-47", "OS-01",
              "OS-02", "OS-03", "OS-04", "OS-05", "OS-06", "OS-07", "ECR-04", "DEP-21", "DEP-41"),
          Environment.STAGING,
          List.of(
              "PL-45", "PL-48", "PL-49", "PL-50", "PL-51", "OS-01", "OS-02", "OS-03", "OS-04",
              "OS-05", "OS-06", "OS-07", "ECR-04", "DEP-21", "DEP-41"),
          Environment.PROD,
          List.of(
              "PL-48", "PL-49", "PL-50", "PL-51", "OS-01", "OS-02", "OS-03", "OS-04", "OS-05",
              "OS-06", "OS-07", "ECR-04", "DEP-21"));

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyRealStackPassesEveryMandatoryRule(Environment env) {
    // As plan judges it: with the stack's cost estimate, which the budget rules compare.
    PolicyReport report =
        dev.plinth.review.Review.of(
                Plans.ofStack(env.key()),
                Plans.stackFile(env.key()),
                dev.plinth.policy.PolicyMode.ENFORCE)
            .policy();

    assertThat(report.mandatoryFailures())
        .as("mandatory failures of %s", env)
        .extracting(f -> f.ruleId() + " " + f.messages())
        .isEmpty();
    // Every rule that applies in this environment judged some resource of the real stack (passed
    // it, or excepted it with a reason), and nothing failed but advisory rules.
    assertThat(
            Policy.rules().stream()
                .filter(r -> r.environments().contains(env))
                .map(Rule::id)
                .filter(
                    id ->
                        report.findings().stream()
                            .noneMatch(
                                f ->
                                    f.ruleId().equals(id)
                                        && (f.verdict() == Verdict.PASS
                                            || f.verdict() == Verdict.EXCEPTED
                                            || f.verdict() == Verdict.FAIL)))
                .toList())
        .as("rules of %s that judged no resource of the stack", env)
        .isEqualTo(NOT_JUDGED.getOrDefault(env, List.of()));
    assertThat(report.count(Verdict.PASS))
        .as("passes of %s", env)
        .isEqualTo(report.with(Verdict.PASS).size())
        .isGreaterThan(report.count(Verdict.FAIL));
  }

  @Test
  void turningOffFlowLogsFailsNet01OnTheVpc() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "prod",
                Map.of(
                    "plinth:network",
                    Map.of("flowLogs", false),
                    "plinth:observability",
                    Map.of("alertEmails", List.of("oncall@plinth.dev")),
                    "plinth:dr",
                    Map.of("standbyStack", "prod-dr"))));
    PolicyReport report = Policy.evaluate(plan, Environment.PROD);

    assertThat(report.mandatoryFailures())
        .extracting(f -> f.ruleId() + " " + f.resourceName())
        .containsExactly("NET-01 prod-network-vpc");
  }

  @Test
  void theNetworkOfTheRealPlanIsJudgedByName() {
    PolicyReport report = Policy.evaluate(Plans.ofStack("prod"), Environment.PROD);

    assertThat(report.verdict("NET-02", "prod-network-default-sg"))
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
    assertThat(report.verdict("KMS-01", "prod-keys-logs"))
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.PASS));
    assertThat(report.verdict("NET-05", "prod-network-public-nacl"))
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.EXCEPTED));
  }
}
