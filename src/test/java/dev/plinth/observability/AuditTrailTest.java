package dev.plinth.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.config.ObservabilitySettings.GuardDuty;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import org.junit.jupiter.api.Test;

/** The audit trail built alone, from hand-made keys, log bucket and account. */
class AuditTrailTest {
  static final String TRAIL = "aws:cloudtrail/trail:Trail";
  static final String DETECTOR = "aws:guardduty/detector:Detector";
  static final String ACCESS_LOGS = "test-access-logs";

  static ResourceGraph build(GuardDuty guardDuty) {
    return Handles.build(
        ctx ->
            new AuditTrail(
                "test-audit",
                new AuditTrail.Args(
                    "staging",
                    365,
                    guardDuty,
                    false,
                    Output.of(Handles.keyArn("audit")),
                    Output.of(Handles.keyArn("logs")),
                    Output.of(ACCESS_LOGS),
                    Handles.aws()),
                ComponentResourceOptions.builder().build()));
  }

  @Test
  void theTrailIsEncryptedWithTheAuditKeyAndItsLogGroupWithTheLogsKey() {
    ResourceGraph graph = build(GuardDuty.OFF);

    RecordedResource trail = graph.get(TRAIL, "test-audit-trail");
    assertThat(trail.text("kmsKeyId")).as("key of %s", trail).isEqualTo(Handles.keyArn("audit"));
    RecordedResource logs = graph.get("aws:cloudwatch/logGroup:LogGroup", "test-audit-logs");
    assertThat(logs.text("kmsKeyId")).as("key of %s", logs).isEqualTo(Handles.keyArn("logs"));
  }

  @Test
  void theBucketsAccessIsLoggedIntoTheGivenBucket() {
    RecordedResource logging =
        build(GuardDuty.OFF)
            .get("aws:s3/bucketLoggingV2:BucketLoggingV2", "test-audit-bucket-logging");

    assertThat(logging.text("targetBucket")).as("target of %s", logging).isEqualTo(ACCESS_LOGS);
  }

  @Test
  void theTrailWaitsForTheBucketPolicyAndTheDeliveryRolesPolicy() {
    ResourceGraph graph = build(GuardDuty.OFF);

    RecordedResource trail = graph.get(TRAIL, "test-audit-trail");
    assertThat(trail.dependencies())
        .as("dependencies of %s", trail)
        .contains(
            graph.get("aws:s3/bucketPolicy:BucketPolicy", "test-audit-bucket-policy").urn(),
            graph.get("aws:iam/rolePolicy:RolePolicy", "test-audit-logs-policy").urn());
  }

  @Test
  void theGuardDutyDetectorIsMadeOnlyByTheStackThatCreatesIt() {
    assertThat(build(GuardDuty.EXISTING).ofType(DETECTOR)).as("detector when existing").isEmpty();
    assertThat(build(GuardDuty.OFF).ofType(DETECTOR)).as("detector when off").isEmpty();

    RecordedResource detector = build(GuardDuty.CREATE).get(DETECTOR, "test-audit-guardduty");
    assertThat(detector.input("tags").orElseThrow().path(AuditTrail.ACCOUNT_SINGLETON_TAG).asText())
        .as("account-singleton tag of %s", detector)
        .isEqualTo("guardduty-detector");
  }
}
