package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import org.junit.jupiter.api.Test;

/** The cache built alone, from hand-made placement, application tier, keys, logs and secrets. */
class CacheAloneTest {
  static final String REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";

  @Test
  void theAuthTokenGoesToASecretUnderTheSecretsKeyAndNeverInClear() {
    ResourceGraph graph = DataAlone.cache("staging");
    RecordedResource secret =
        graph.get("aws:secretsmanager/secret:Secret", "test-secrets-cache-auth-token");
    RecordedResource version =
        graph.get(
            "aws:secretsmanager/secretVersion:SecretVersion",
            "test-secrets-cache-auth-token-value");
    RecordedResource group = graph.get(REDIS, "test-cache-redis");

    assertThat(secret.text("name"))
        .as("name of %s", secret)
        .isEqualTo("plinth/staging/cache-auth-token");
    assertThat(secret.text("kmsKeyId"))
        .as("key of %s", secret)
        .isEqualTo(Handles.keyArn("secrets"));
    assertThat(version.text("secretString"))
        .as("value of %s", version)
        .isEqualTo(dev.plinth.config.Secret.MASK);
    assertThat(group.text("authToken"))
        .as("token of %s", group)
        .isEqualTo(dev.plinth.config.Secret.MASK);
  }

  @Test
  void theCacheAdmitsOnlyTheAppTiersGroupOn6379AndSitsInTheGivenSubnetGroup() {
    ResourceGraph graph = DataAlone.cache("prod");
    RecordedResource group = graph.get(REDIS, "test-cache-redis");
    RecordedResource sg = graph.get("aws:ec2/securityGroup:SecurityGroup", "test-cache-sg");
    RecordedResource rule = graph.get(DatabaseAloneTest.INGRESS, "test-cache-sg-from-app");

    assertThat(group.text("subnetGroupName"))
        .as("subnet group of %s", group)
        .isEqualTo("cache-subnets");
    assertThat(group.text("securityGroupIds.0")).as("group of %s", group).isEqualTo(sg.id());
    assertThat(sg.text("vpcId")).as("VPC of %s", sg).isEqualTo(Handles.VPC);
    assertThat(graph.ofType(DatabaseAloneTest.INGRESS)).as("ingress rules").containsExactly(rule);
    assertThat(rule.text("referencedSecurityGroupId"))
        .as("source of %s", rule)
        .isEqualTo(Handles.APP_SECURITY_GROUP);
    assertThat(rule.input("fromPort").orElseThrow().asInt()).as("from of %s", rule).isEqualTo(6379);
    assertThat(rule.input("toPort").orElseThrow().asInt()).as("to of %s", rule).isEqualTo(6379);
  }

  @Test
  void theCacheIsEncryptedUnderTheCacheKeyAndItsSlowLogUnderTheLogsKey() {
    ResourceGraph graph = DataAlone.cache("dev");
    RecordedResource group = graph.get(REDIS, "test-cache-redis");
    RecordedResource slowLog = graph.get("aws:cloudwatch/logGroup:LogGroup", "test-cache-slow-log");

    assertThat(group.text("kmsKeyId")).as("key of %s", group).isEqualTo(Handles.keyArn("cache"));
    assertThat(group.input("transitEncryptionEnabled").orElseThrow().asBoolean())
        .as("TLS of %s", group)
        .isTrue();
    assertThat(slowLog.text("kmsKeyId")).as("key of %s", slowLog).isEqualTo(Handles.keyArn("logs"));
    assertThat(group.text("logDeliveryConfigurations.0.destination"))
        .as("slow log of %s", group)
        .isEqualTo(slowLog.text("name"));
  }
}
