package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Json;
import dev.plinth.plan.MockCloud;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The master password's rotation schedule and the replication of automated backups to the DR
 * region.
 */
class DatabaseDisasterRecoveryTest {
  static final String ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
  static final String REPLICATION =
      "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
  static final String KEY = "aws:kms/key:Key";
  static final String SERVERLESS =
      "aws:serverlessrepository/cloudFormationStack:CloudFormationStack";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

  @ParameterizedTest
  @CsvSource({"dev, 30", "staging, 30", "prod, 30"})
  void theMasterSecretRotatesOnTheEnvironmentsScheduleWithTheFunctionTheServerlessStackMade(
      String env, int days) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource rotation = plan.get(ROTATION, env + "-db-master-secret-rotation");
    RecordedResource secret = plan.get(DataTierTest.SECRET, env + "-db-master-secret");
    RecordedResource stack = plan.get(SERVERLESS, env + "-db-rotation");

    assertThat(rotation.input("rotationRules.automaticallyAfterDays").orElseThrow().asInt())
        .as("rotation days of %s", rotation)
        .isEqualTo(days);
    assertThat(rotation.text("secretId"))
        .as("secret rotated by %s", rotation)
        .isEqualTo(secret.id());
    assertThat(plan.outputs().get("dbMasterSecretArn").asText())
        .as("the stack output the application's secret ARN comes from")
        .startsWith("arn:aws:secretsmanager:us-east-1:")
        .endsWith(":secret/" + secret.id());
    // The function's ARN is the stack's RotationLambdaARN output (the mocks answer it as AWS would
    // name the function the template creates).
    assertThat(rotation.text("rotationLambdaArn"))
        .as("rotation function of %s", rotation)
        .isEqualTo(
            "arn:aws:lambda:us-east-1:"
                + MockCloud.ACCOUNT_ID
                + ":function:"
                + stack.text("parameters.functionName"));
    assertThat(rotation.dependencies())
        .as("what %s waits for", rotation)
        .contains(stack.urn(), plan.get(INGRESS, env + "-db-sg-from-rotation").urn());
    assertThat(rotation.input("rotateImmediately").orElseThrow().asBoolean())
        .as("whether deploying %s rotates the password at once", rotation)
        .isFalse();
    assertThat(rotation.parent()).as("parent of %s", rotation).endsWith("::" + env + "-db");
  }

  @Test
  void aStackFileCanSetTheRotationSchedule() {
    RecordedResource rotation =
        DataAlone.database(
                Plans.config(
                    "staging", Map.of("plinth:database", Map.of("masterPasswordRotationDays", 14))))
            .get(ROTATION, "staging-db-master-secret-rotation");

    assertThat(rotation.input("rotationRules.automaticallyAfterDays").orElseThrow().asInt())
        .as("rotation days of %s", rotation)
        .isEqualTo(14);
  }

  @Test
  void prodReplicatesTheAutomatedBackupsOfItsPrimaryToTheDrRegionWithAKeyThere() throws Exception {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource replication = plan.get(REPLICATION, "prod-db-backup-replication");
    RecordedResource drProvider = plan.get("pulumi:providers:aws", "prod-aws-dr");
    RecordedResource drKey = plan.get(KEY, "prod-db-dr-key");
    RecordedResource primary = plan.get(DataTierTest.RDS, "prod-db-primary");

    assertThat(drProvider.text("region")).isEqualTo("us-west-2");
    assertThat(replication.provider())
        .as("provider of %s", replication)
        .startsWith(drProvider.urn());
    assertThat(replication.text("sourceDbInstanceArn"))
        .as("source of %s", replication)
        .isEqualTo(
            "arn:aws:rds:us-east-1:"
                + MockCloud.ACCOUNT_ID
                + ":db:"
                + plan.outputs().get("dbEndpoint").asText().split("\\.")[0]);
    assertThat(replication.dependencies()).contains(primary.urn());
    assertThat(replication.input("retentionPeriod").orElseThrow().asInt())
        .as("retention of %s", replication)
        .isEqualTo(primary.input("backupRetentionPeriod").orElseThrow().asInt())
        .isEqualTo(30);
    assertThat(replication.text("kmsKeyId"))
        .as("key of %s", replication)
        .isEqualTo("arn:aws:kms:us-west-2:" + MockCloud.ACCOUNT_ID + ":key/" + drKey.id());
    assertThat(drKey.provider()).as("provider of %s", drKey).startsWith(drProvider.urn());
    assertThat(drKey.input("enableKeyRotation").orElseThrow().asBoolean())
        .as("rotation of %s", drKey)
        .isTrue();
    assertThat(drKey.protect()).as("protect of %s", drKey).isTrue();
    JsonNode policy = Json.MAPPER.readTree(drKey.text("policy"));
    assertThat(policy.at("/Statement/1/Condition/StringEquals/kms:ViaService").asText())
        .as("service allowed to use %s", drKey)
        .isEqualTo("rds.us-west-2.amazonaws.com");
    assertThat(plan.outputs().get("dbReplicatedBackupsArn").asText())
        .startsWith("arn:aws:rds:us-west-2:" + MockCloud.ACCOUNT_ID + ":auto-backup:ab-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging"})
  void outsideProdNoBackupsLeaveTheRegion(String env) {
    ResourceGraph plan = Plans.ofStack(env);

    assertThat(plan.ofType(REPLICATION)).as("backup replications of %s", env).isEmpty();
    assertThat(plan.where(r -> r.name().equals(env + "-db-dr-key")))
        .as("DR database key of %s", env)
        .isEmpty();
    assertThat(plan.outputs().get("dbReplicatedBackupsArn").asText()).isEmpty();
  }

  @Test
  void devCanTurnReplicationOnAndKeepsItsOwnRetention() {
    RecordedResource replication =
        DataAlone.database(
                Plans.config(
                    "dev", Map.of("plinth:database", Map.of("crossRegionBackupReplication", true))))
            .get(REPLICATION, "dev-db-backup-replication");

    assertThat(replication.input("retentionPeriod").orElseThrow().asInt())
        .as("retention of %s", replication)
        .isEqualTo(7);
    assertThat(replication.text("kmsKeyId")).startsWith("arn:aws:kms:us-west-2:");
  }
}
