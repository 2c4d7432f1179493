package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.Environment;
import dev.plinth.testing.GraphBuilder;
import org.junit.jupiter.api.Test;

/** Exceptions are data: they name rule, resources, environments and reason, and cover no more. */
class ExceptionsTest {

  static PolicyReport evaluate(GraphBuilder g, Environment env) {
    return Policy.evaluate(g.build(), env);
  }

  @Test
  void theAlbGroupMayAdmitHttpsFromTheInternetWithTheReasonShown() {
    PolicyReport report = evaluate(Fixtures.compliant("prod"), Environment.PROD);

    assertThat(report.verdict("NET-03", "prod-edge-lb-sg-in-443"))
        .hasValueSatisfying(
            f -> {
              assertThat(f.verdict()).isEqualTo(Verdict.EXCEPTED);
              assertThat(f.exceptionReason()).contains("seed 004");
            });
  }

  @Test
  void theAlbLogBucketMayUseSseS3ButOtherBucketsMayNot() {
    GraphBuilder g = Fixtures.compliant("prod");
    g.set(
        "prod-backup-bucket-encryption",
        "rules.0.applyServerSideEncryptionByDefault",
        "{sseAlgorithm: 'AES256'}");
    PolicyReport report = evaluate(g, Environment.PROD);

    assertThat(report.verdict("S3-02", "prod-edge-lb-logs"))
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.EXCEPTED));
    assertThat(report.verdict("S3-02", "prod-backup-bucket"))
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.FAIL));
  }

  @Test
  void plainHttpIsExceptedInDevOnly() {
    for (Environment env : Environment.values()) {
      GraphBuilder g = Fixtures.compliant(env.key());
      String lb = env.key() + "-edge-lb-alb";
      g.drop(env.key() + "-edge-lb-https")
          .set(env.key() + "-edge-lb-http", "defaultActions", "[{type: 'forward'}]");
      PolicyReport report = evaluate(g, env);

      Verdict expected = env == Environment.DEV ? Verdict.EXCEPTED : Verdict.FAIL;
      assertThat(report.verdict("ALB-01", lb))
          .as("ALB-01 on %s", lb)
          .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(expected));
      assertThat(report.verdict("ALB-02", env.key() + "-edge-lb-http"))
          .as("ALB-02 in %s", env)
          .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(expected));
    }
  }

  /**
   * Resource names carry the stack's name, not the environment's: a dev stack named otherwise (a
   * second dev stack, a test's copy) serves plain HTTP under the same exception.
   */
  @Test
  void plainHttpIsExceptedInADevStackWhateverItsName() {
    GraphBuilder g = Fixtures.compliant("sandbox");
    g.drop("sandbox-edge-lb-https")
        .set("sandbox-edge-lb-http", "defaultActions", "[{type: 'forward'}]");
    PolicyReport report = evaluate(g, Environment.DEV);

    assertThat(report.verdict("ALB-01", "sandbox-edge-lb-alb"))
        .as("ALB-01 on sandbox-edge-lb-alb in a dev stack named sandbox")
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.EXCEPTED));
    assertThat(report.verdict("ALB-02", "sandbox-edge-lb-http"))
        .as("ALB-02 on sandbox-edge-lb-http in a dev stack named sandbox")
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.EXCEPTED));
  }

  @Test
  void anExceptionForSomeAspectsLeavesTheOthersFailing() {
    GraphBuilder g = Fixtures.compliant("prod");
    g.set("prod-db-primary", "username", "'postgres'");
    PolicyReport report = evaluate(g, Environment.PROD);

    assertThat(report.verdict("RDS-12", "prod-db-primary"))
        .hasValueSatisfying(
            f -> {
              assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
              assertThat(f.messages()).singleElement().asString().contains("username");
            });
  }

  @Test
  void rulesOutsideTheirEnvironmentsAreNotApplicable() {
    GraphBuilder g = Fixtures.compliant("dev");
    g.set("dev-db-primary", "multiAz", "false");
    PolicyReport report = evaluate(g, Environment.DEV);

    assertThat(report.verdict("RDS-03", "dev-db-primary"))
        .hasValueSatisfying(f -> assertThat(f.verdict()).isEqualTo(Verdict.NOT_APPLICABLE));
  }

  @Test
  void everyExceptionNamesAKnownRuleAndAReason() {
    var ids = Policy.rules().stream().map(Rule::id).toList();
    assertThat(Exceptions.DEFAULT)
        .allSatisfy(
            e -> {
              assertThat(ids).as("rule of %s", e).contains(e.ruleId());
              assertThat(e.reason()).as("reason of %s", e).hasSizeGreaterThan(20);
            });
  }

  @Test
  void globsMatchWholeNames() {
    assertThat(PolicyException.glob("*-edge-lb-sg*").matcher("prod-edge-lb-sg-in-443").matches())
        .isTrue();
    assertThat(PolicyException.glob("*-edge-lb-logs").matcher("prod-edge-lb-logs-2").matches())
        .isFalse();
    assertThat(PolicyException.glob("dev-*").matcher("prod-dev-x").matches()).isFalse();
  }
}
