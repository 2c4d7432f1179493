package dev.plinth.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackupsTest {
  static final String LIFECYCLE =
      "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theBackupsBucketIsVersionedEncryptedPrivateAndTlsOnly(String env) throws Exception {
    ResourceGraph plan = Plans.ofStack(env);
    String bucket = env + "-backups-bucket";

    assertThat(
            plan.get("aws:s3/bucketVersioningV2:BucketVersioningV2", bucket + "-versioning")
                .text("versioningConfiguration.status"))
        .isEqualTo("Enabled");
    RecordedResource sse =
        plan.get(
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
            bucket + "-encryption");
    assertThat(sse.text("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"))
        .isEqualTo("aws:kms");
    assertThat(sse.text("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"))
        .startsWith("arn:aws:kms:");
    RecordedResource block =
        plan.get(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket + "-public-access");
    for (String flag :
        List.of(
            "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
      assertThat(block.input(flag).orElseThrow().asBoolean()).as("%s of %s", flag, block).isTrue();
    }
    JsonNode policy =
        new ObjectMapper()
            .readTree(
                plan.get("aws:s3/bucketPolicy:BucketPolicy", bucket + "-policy").text("policy"));
    assertThat(policy.at("/Statement/0/Effect").asText()).isEqualTo("Deny");
    assertThat(policy.at("/Statement/0/Condition/Bool/aws:SecureTransport").asText())
        .isEqualTo("false");
    assertThat(plan.get("aws:s3/bucketV2:BucketV2", bucket).protect())
        .isEqualTo(env.equals("prod"));
  }

  @Test
  void theLifecycleFollowsSeed003() {
    RecordedResource rule = Plans.ofStack("prod").get(LIFECYCLE, "prod-backups-bucket-lifecycle");

    assertThat(rule.input("rules.0.transitions.0.days").orElseThrow().asInt()).isEqualTo(30);
    assertThat(rule.text("rules.0.transitions.0.storageClass")).isEqualTo("STANDARD_IA");
    assertThat(rule.input("rules.0.transitions.1.days").orElseThrow().asInt()).isEqualTo(90);
    assertThat(rule.text("rules.0.transitions.1.storageClass")).isEqualTo("GLACIER");
    assertThat(rule.input("rules.0.expiration.days").orElseThrow().asInt()).isEqualTo(365);
    assertThat(rule.input("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation"))
        .isPresent();
    assertThat(rule.input("rules.0.noncurrentVersionExpiration.noncurrentDays")).isPresent();
  }

  @Test
  void onlyProdReplicatesToTheDisasterRecoveryRegionThroughItsOwnProvider() {
    ResourceGraph prod = Plans.ofStack("prod");
    RecordedResource replication =
        prod.get(
            "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "prod-backups-replication");
    RecordedResource drBucket = prod.get("aws:s3/bucketV2:BucketV2", "prod-backups-dr-bucket");
    RecordedResource drProvider = prod.get("pulumi:providers:aws", "prod-aws-dr");

    assertThat(drProvider.text("region")).isEqualTo("us-west-2");
    assertThat(drBucket.provider()).startsWith(drProvider.urn());
    assertThat(replication.text("rules.0.destination.bucket")).contains(drBucket.id());
    assertThat(replication.text("rules.0.deleteMarkerReplication.status")).isEqualTo("Enabled");
    assertThat(
            Plans.ofStack("dev").ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig"))
        .isEmpty();
  }

  static final String LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";
  static final String BUCKET = "aws:s3/bucketV2:BucketV2";

  @Test
  void everyDataBucketLogsItsAccessToALogBucketInItsOwnRegion() {
    ResourceGraph prod = Plans.ofStack("prod");
    String drProvider = prod.get("pulumi:providers:aws", "prod-aws-dr").urn();
    RecordedResource drLogging = prod.get(LOGGING, "prod-backups-dr-bucket-logging");
    RecordedResource drLogs = prod.get(BUCKET, "prod-backups-dr-access-logs");
    RecordedResource auditLogging = prod.get(LOGGING, "prod-audit-bucket-logging");

    assertThat(drLogging.text("bucket")).isEqualTo(prod.get(BUCKET, "prod-backups-dr-bucket").id());
    assertThat(drLogging.text("targetBucket"))
        .as("the replica's access logs stay in the DR region")
        .isEqualTo(drLogs.id());
    assertThat(drLogs.provider()).startsWith(drProvider);
    assertThat(drLogging.provider()).startsWith(drProvider);
    assertThat(auditLogging.text("bucket")).isEqualTo(prod.get(BUCKET, "prod-audit-bucket").id());
    assertThat(auditLogging.text("targetBucket"))
        .isEqualTo(prod.get(BUCKET, "prod-backups-access-logs").id());
    assertThat(Plans.ofStack("dev").where(r -> r.name().equals("dev-backups-dr-access-logs")))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"dev, 7, false", "staging, 30, false", "prod, 30, true"})
  void awsBackupKeepsDailyRecoveryPointsOfTheDatabase(String env, int days, boolean copied) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource backupPlan = plan.get("aws:backup/plan:Plan", env + "-backups-plan");
    RecordedResource selection =
        plan.get("aws:backup/selection:Selection", env + "-backups-database");

    assertThat(backupPlan.input("rules.0.lifecycle.deleteAfter").orElseThrow().asInt())
        .isEqualTo(days);
    assertThat(backupPlan.text("rules.0.schedule")).isEqualTo("cron(0 5 * * ? *)");
    assertThat(backupPlan.input("rules.0.copyActions").map(JsonNode::size).orElse(0) > 0)
        .isEqualTo(copied);
    assertThat(selection.text("resources.0")).contains(":db:").contains(env + "-db-primary");
    assertThat(plan.get("aws:backup/vault:Vault", env + "-backups-vault").text("kmsKeyArn"))
        .startsWith("arn:aws:kms:");
  }
}
