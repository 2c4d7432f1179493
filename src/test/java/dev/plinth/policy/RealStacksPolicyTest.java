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

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyRealStackPassesEveryMandatoryRule(Environment env) {
    PolicyReport report = Policy.evaluate(Plans.ofStack(env.key()), env);

    assertThat(report.mandatoryFailures())
        .as("mandatory failures of %s", env)
        .extracting(f -> f.ruleId() + " " + f.messages())
        .isEmpty();
    assertThat(report.count(Verdict.PASS)).as("passes of %s", env).isPositive();
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
                    Map.of("alertEmails", List.of("oncall@plinth.dev")))));
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
