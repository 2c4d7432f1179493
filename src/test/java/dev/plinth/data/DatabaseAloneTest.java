package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The database built alone, from hand-made placement, application tier, keys, logs and DR. */
class DatabaseAloneTest {
  static final String RDS = "aws:rds/instance:Instance";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theDatabaseAdmitsOnlyTheAppTiersGroupItsRotationFunctionAndItsProxyOn5432(String env) {
    ResourceGraph graph = DataAlone.database(env, Map.of());
    RecordedResource group = graph.get("aws:ec2/securityGroup:SecurityGroup", "test-db-sg");
    RecordedResource rule = graph.get(INGRESS, "test-db-sg-from-app");
    RecordedResource rotation = graph.get(INGRESS, "test-db-sg-from-rotation");
    List<RecordedResource> expected = new java.util.ArrayList<>(List.of(rule, rotation));
    if (env.equals("prod")) {
      expected.add(graph.get(INGRESS, "test-db-sg-from-proxy"));
    }

    assertThat(group.text("vpcId")).as("VPC of %s", group).isEqualTo(Handles.VPC);
    assertThat(
            graph.ofType(INGRESS).stream()
                .filter(r -> r.text("securityGroupId").equals(group.id()))
                .toList())
        .as("ingress rules of the database")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rule.text("securityGroupId")).as("group of %s", rule).isEqualTo(group.id());
    assertThat(rule.text("referencedSecurityGroupId"))
        .as("source of %s", rule)
        .isEqualTo(Handles.APP_SECURITY_GROUP);
    assertThat(rule.input("cidrIpv4")).as("CIDR of %s", rule).isEmpty();
    assertThat(rule.input("fromPort").orElseThrow().asInt()).as("from of %s", rule).isEqualTo(5432);
    assertThat(rule.input("toPort").orElseThrow().asInt()).as("to of %s", rule).isEqualTo(5432);
    for (RecordedResource instance : graph.ofType(RDS)) {
      assertThat(instance.text("vpcSecurityGroupIds.0"))
          .as("group of %s", instance)
          .isEqualTo(group.id());
      assertThat(instance.input("vpcSecurityGroupIds").orElseThrow().size())
          .as("groups of %s", instance)
          .isEqualTo(1);
    }
  }

  @Test
  void thePrimarySitsInTheGivenSubnetGroupUnderTheDatabaseKeyAndItsSecretUnderTheSecretsKey() {
    RecordedResource primary = DataAlone.database("staging", Map.of()).get(RDS, "test-db-primary");

    assertThat(primary.text("dbSubnetGroupName"))
        .as("subnet group of %s", primary)
        .isEqualTo("db-subnets");
    assertThat(primary.text("kmsKeyId"))
        .as("key of %s", primary)
        .isEqualTo(Handles.keyArn("database"));
    assertThat(primary.text("performanceInsightsKmsKeyId"))
        .as("Performance Insights key of %s", primary)
        .isEqualTo(Handles.keyArn("database"));
    RecordedResource secret =
        DataAlone.database("staging", Map.of())
            .get("aws:secretsmanager/secret:Secret", "test-db-master-secret");
    assertThat(secret.text("kmsKeyId"))
        .as("key of %s", secret)
        .isEqualTo(Handles.keyArn("secrets"));
  }

  @Test
  void eachReplicaIsInTheZoneAfterThePrevious() {
    ResourceGraph graph =
        DataAlone.database("prod", Map.of("plinth:database", Map.of("readReplicas", 2)));

    for (int i = 1; i <= 2; i++) {
      RecordedResource replica = graph.get(RDS, "test-db-replica-" + i);
      assertThat(replica.text("availabilityZone"))
          .as("zone of %s", replica)
          .isEqualTo(Handles.ZONES.get(i % Handles.ZONES.size()));
      assertThat(replica.input("dbSubnetGroupName"))
          .as("a replica in the primary's region takes the primary's subnet group: %s", replica)
          .isEmpty();
    }
  }

  @Test
  void everyInstancesLogsGoToGroupsUnderTheGivenLogsKeyAndRetention() {
    ResourceGraph graph = DataAlone.database("prod", Map.of());
    List<RecordedResource> groups = graph.ofType("aws:cloudwatch/logGroup:LogGroup");

    assertThat(groups)
        .as("log groups of the primary and replica")
        .hasSize(Database.LOG_EXPORTS.size() * graph.ofType(RDS).size());
    for (RecordedResource group : groups) {
      assertThat(group.text("kmsKeyId")).as("key of %s", group).isEqualTo(Handles.keyArn("logs"));
      assertThat(group.input("retentionInDays").orElseThrow().asInt())
          .as("retention of %s", group)
          .isEqualTo(Handles.logs().retentionDays());
    }
  }

  @Test
  void automatedBackupsReplicateThroughTheGivenDrProviderUnderAKeyOfItsRegion() throws Exception {
    ResourceGraph graph =
        DataAlone.database(
            "prod", Map.of("plinth:database", Map.of("crossRegionBackupReplication", true)));
    RecordedResource replication =
        graph.get(
            "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
            "test-db-backup-replication");
    RecordedResource key = graph.get("aws:kms/key:Key", "test-db-dr-key");
    String drProvider = graph.get("pulumi:providers:aws", "test-aws-dr").urn();

    for (RecordedResource inDr :
        List.of(replication, key, graph.get("aws:kms/alias:Alias", "test-db-dr-key-alias"))) {
      assertThat(inDr.provider()).as("provider of %s", inDr).startsWith(drProvider);
    }
    assertThat(replication.text("kmsKeyId"))
        .as("key of %s", replication)
        .startsWith("arn:aws:kms:" + DataAlone.DR_REGION + ":");
    JsonNode policy = dev.plinth.Json.MAPPER.readTree(key.text("policy"));
    assertThat(policy.toString())
        .as("policy of %s", key)
        .contains("rds." + DataAlone.DR_REGION + ".amazonaws.com");
  }

  @Test
  void withoutReplicationNothingIsCreatedInTheDrRegion() {
    ResourceGraph graph =
        DataAlone.database(
            "dev", Map.of("plinth:database", Map.of("crossRegionBackupReplication", false)));
    String drProvider = graph.get("pulumi:providers:aws", "test-aws-dr").urn();

    assertThat(graph.where(r -> r.provider() != null && r.provider().startsWith(drProvider)))
        .as("resources in the DR region")
        .isEmpty();
  }
}
