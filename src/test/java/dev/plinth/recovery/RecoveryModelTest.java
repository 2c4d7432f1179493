package dev.plinth.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Checks;
import dev.plinth.config.PlatformConfig;
import dev.plinth.recovery.Estimate.Verdict;
import dev.plinth.recovery.RecoveryModel.Part;
import dev.plinth.testing.Plans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery model's figures for prod and its standby: pilot light against warm standby, with and
 * without a hosted zone, a global datastore against a cold cache, and the figures' age.
 */
class RecoveryModelTest {
  /** How old the figures' sources may be: AWS's pages change; read them again once a year. */
  static final int MAX_AGE_DAYS = 365;

  static final RecoveryFigures FIGURES = RecoveryFigures.load();

  static PlatformConfig primary(boolean zone) {
    Map<String, Object> values = new HashMap<>();
    values.put("plinth:dr", Map.of("standbyStack", "prod-dr"));
    if (!zone) {
      // Without a zone there is no pair's origin record for the CDN either.
      values.put(
          "plinth:edge", Map.of("certificateArn", CERTIFICATE, "cdn", Map.of("enabled", false)));
    }
    return loadPair(Plans.raw("prod", values), "prod");
  }

  static final String CERTIFICATE =
      "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";

  static PlatformConfig standby(String mode, String cache, boolean zone) {
    Map<String, Object> values = new HashMap<>();
    values.put("aws:region", "us-west-2");
    values.put("plinth:backups", Map.of("drRegion", "us-east-2"));
    values.put(
        "plinth:dr",
        Map.of("role", "standby", "primaryStack", "prod", "mode", mode, "cache", cache));
    if (!zone) {
      values.put(
          "plinth:edge",
          Map.of(
              "certificateArn",
              CERTIFICATE.replace("us-east-1", "us-west-2"),
              "cdn",
              Map.of("enabled", false)));
    }
    return loadPair(Plans.raw("prod", values), "prod-dr");
  }

  /**
   * A stack of a pair, loaded with every check but the pair's own ({@link dev.plinth.DrPair#CHECK}
   * reads the other stack's file from the working directory, whose prod keeps {@code cache: cold};
   * {@code GlobalDatastoreTest} plans a pair whose files both say globalDatastore): the report is
   * what these tests judge, from the settings alone.
   */
  static PlatformConfig loadPair(dev.plinth.config.RawConfig raw, String stack) {
    return dev.plinth.config.ConfigLoader.load(
        raw, stack, Checks.ALL.stream().filter(c -> c != dev.plinth.DrPair.CHECK).toList());
  }

  static RecoveryReport report(String mode, String cache, boolean zone) {
    return RecoveryModel.report(primary(zone), standby(mode, cache, zone), FIGURES);
  }

  static Part part(RecoveryReport report, String name) {
    return report.parts().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no part " + name + " in " + report.parts()));
  }

  static double rto(RecoveryReport report, String name) {
    return part(report, name).rto().minutes().orElseThrow();
  }

  @Test
  void aWarmStandbyWithAZoneServesTheApiOnceRoute53HasFailedOver() {
    RecoveryReport warm = report("warmStandby", "cold", true);
    // Behind the CDN (prod's preset): the origin alarm's 3 periods x 60 s, then 60 s propagation
    // and the origin alias's 60 s TTL (without a CDN: 3 checks x 30 s).
    double expected =
        60 * 3 / 60.0
            + FIGURES.minutes("route53.propagation")
            + FIGURES.minutes("route53.aliasTtl");

    assertThat(rto(warm, "API")).as("API RTO of a warm standby with a zone").isEqualTo(expected);
    assertThat(part(warm, "API").rto().verdict())
        .as("against prod's 15 minutes (seed 003)")
        .isEqualTo(Verdict.MEETS);
    assertThat(warm.automaticDns()).as("DNS failover with a zone in both stacks").isTrue();
  }

  @Test
  void aPilotLightWaitsForTheDecisionTheNodesAndThePodsAndMissesFifteenMinutes() {
    RecoveryReport pilot = report("pilotLight", "cold", true);
    double expected =
        FIGURES.minutes("failover.decision")
            + FIGURES.minutes("eks.nodesReady")
            + FIGURES.minutes("app.podsReady")
            + FIGURES.minutes("route53.propagation")
            + FIGURES.minutes("route53.aliasTtl");

    assertThat(rto(pilot, "API")).as("API RTO of a pilot light").isEqualTo(expected);
    assertThat(rto(pilot, "API"))
        .as("pilot light against warm standby")
        .isGreaterThan(rto(report("warmStandby", "cold", true), "API"));
    assertThat(part(pilot, "API").rto().verdict())
        .as("%s minutes against prod's 15", expected)
        .isEqualTo(expected <= 15 ? Verdict.MEETS : Verdict.MISSES);
    assertThat(pilot.notes())
        .as("notes of a pilot light")
        .anySatisfy(
            n -> assertThat(n).contains("only once its load balancer has a healthy target"));
  }

  @Test
  void withoutAHostedZoneFailoverIsManualAndTheReportSaysByHowMuchTheRtoGrows() {
    RecoveryReport manual = report("warmStandby", "cold", false);
    RecoveryReport automatic = report("warmStandby", "cold", true);
    // Without a zone there is no CDN either (no origin record): the automatic failover it is
    // compared with is the HTTPS health check's, 3 checks x 30 s.
    double growth =
        rto(manual, "API")
            - (30 * 3 / 60.0
                + FIGURES.minutes("route53.propagation")
                + FIGURES.minutes("route53.aliasTtl"));

    assertThat(manual.automaticDns()).as("DNS failover without a zone").isFalse();
    assertThat(rto(manual, "API"))
        .as("API RTO by hand: decision + manual record change")
        .isEqualTo(FIGURES.minutes("failover.decision") + FIGURES.minutes("dns.manualChange"));
    assertThat(manual.notes())
        .as("notes without a zone")
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("DNS failover is manual")
                    .contains("plinth:edge.hostedZoneId")
                    .contains("grows by " + RecoveryReport.minutes(growth)));
    assertThat(automatic.notes()).as("notes with a zone").noneMatch(n -> n.contains("manual"));
  }

  @Test
  void theDatabaseIsBackAfterTheDecisionAndThePromotionAndItsDataLossIsUnknown() {
    RecoveryReport report = report("pilotLight", "cold", true);
    Part database = part(report, "database");

    assertThat(database.rto().minutes().orElseThrow())
        .as("database RTO")
        .isEqualTo(
            FIGURES.minutes("failover.decision") + FIGURES.minutes("rds.promoteReadReplica"));
    assertThat(database.rto().verdict()).as("against prod's 60 minutes").isEqualTo(Verdict.MEETS);
    assertThat(database.rpo().verdict())
        .as("the replica's lag has no documented bound")
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aGlobalDatastoreKeepsTheCachesDataWhereAColdCacheHasNoneToKeep() {
    Part global = part(report("warmStandby", "globalDatastore", true), "cache");
    Part cold = part(report("warmStandby", "cold", true), "cache");

    assertThat(global.rpo().verdict()).as("global datastore RPO").isEqualTo(Verdict.MEETS);
    assertThat(global.rto().minutes().orElseThrow())
        .as("global datastore RTO: decision + promotion")
        .isEqualTo(
            FIGURES.minutes("failover.decision")
                + FIGURES.minutes("elasticache.globalDatastorePromote"));
    assertThat(cold.rpo().verdict()).as("cold cache RPO").isEqualTo(Verdict.NOT_APPLICABLE);
  }

  @Test
  void replicatedFilesLoseUpToS3sReplicationTimeWhichMissesFiveMinutes() {
    Part files = part(report("warmStandby", "cold", true), "files/backups");

    assertThat(files.rpo().minutes().orElseThrow())
        .as("files RPO")
        .isEqualTo(FIGURES.minutes("s3.crossRegionReplication"));
    assertThat(files.rpo().verdict()).as("against prod's 5 minutes").isEqualTo(Verdict.MISSES);
  }

  /** Staging's edge without its CDN, which a failover pair refuses (plinth:edge.cdn). */
  static final Map<String, Object> NO_CDN =
      Map.of(
          "domain",
          "staging.app.example.com",
          "hostedZoneId",
          "Z00000000PLACEHOLDER",
          "cdn",
          Map.of("enabled", false));

  @Test
  void aStackWithoutTargetsHasNoVerdicts() {
    PlatformConfig staging =
        loadPair(
            Plans.raw(
                "staging",
                Map.of("plinth:dr", Map.of("standbyStack", "staging-dr"), "plinth:edge", NO_CDN)),
            "staging");
    PlatformConfig stagingDr =
        loadPair(
            Plans.raw(
                "staging",
                Map.of(
                    "aws:region",
                    "us-west-2",
                    "plinth:dr",
                    Map.of("role", "standby", "primaryStack", "staging"),
                    "plinth:edge",
                    NO_CDN)),
            "staging-dr");
    RecoveryReport report = RecoveryModel.report(staging, stagingDr, FIGURES);

    assertThat(report.parts())
        .as("verdicts of a pair without targets")
        .allSatisfy(p -> assertThat(p.rto().verdict()).isEqualTo(Verdict.NO_TARGET));
  }

  @Test
  void aPrimaryWhoseStandbyFileIsAbsentIsToldSo(@TempDir Path dir) {
    RecoveryReport report = RecoveryPair.report(primary(true), dir, FIGURES).orElseThrow();

    assertThat(report.parts()).as("parts without the standby").isEmpty();
    assertThat(report.notes())
        .singleElement()
        .asString()
        .contains("Pulumi.prod-dr.yaml is not in the project");
    assertThat(text(report)).contains("Recovery of prod from its standby prod-dr:");
  }

  @Test
  void aPrimaryReadsItsStandbysStackFileBesideIt(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("Pulumi.prod-dr.yaml"),
        String.join(
            "\n",
            "config:",
            "  aws:region: us-west-2",
            "  plinth:environment: prod",
            "  plinth:backups:",
            "    drRegion: us-east-2",
            "  plinth:dr:",
            "    role: standby",
            "    primaryStack: prod",
            "    mode: warmStandby",
            "  plinth:edge:",
            "    domain: app.example.com",
            "    hostedZoneId: Z00000000PLACEHOLDER",
            ""));
    RecoveryReport report = RecoveryPair.report(primary(true), dir, FIGURES).orElseThrow();

    assertThat(report.mode()).as("the standby's mode, read from its file").isEqualTo("warmStandby");
    assertThat(text(report)).contains("API").contains("meets");
    assertThat(report.toJson().path("parts").size()).as("parts in JSON").isEqualTo(5);
    assertThat(report.toJson().path("dnsFailover").asText()).isEqualTo("automatic");
  }

  @Test
  void aStackInNoPairHasNoReport(@TempDir Path dir) {
    assertThat(RecoveryPair.report(Plans.config("staging"), dir, FIGURES))
        .as("report of a stack in no pair")
        .isEmpty();
  }

  @Test
  void everyFigureHasASourceReadWithinAYear() {
    LocalDate oldest = LocalDate.now().minusDays(MAX_AGE_DAYS);

    assertThat(FIGURES.all())
        .as("figures of recovery-figures.csv")
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.read())
                  .as(
                      "%s read on %s: read its source again (at most %d days)",
                      f.name(), f.read(), MAX_AGE_DAYS)
                  .isAfterOrEqualTo(oldest);
              assertThat(f.source()).as("source of %s", f.name()).isNotBlank();
            });
  }

  @Test
  void theFiguresCsvReadsQuotedFieldsWithCommasAndQuotes() {
    assertThat(RecoveryFigures.fields("a,1,documented,2026-12-02,\"x, \"\"y\"\"\""))
        .containsExactly("a", "1", "documented", "2026-12-02", "x, \"y\"");
  }

  private static String text(RecoveryReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
