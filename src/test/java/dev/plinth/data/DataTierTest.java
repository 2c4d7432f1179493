package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.PlanCommandTest;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataTierTest {
  /** Pulumi.prod.yaml names its standby; a copy under another stack name must not. */
  static final String PROD_STANDBY = "  plinth:dr:\n    standbyStack: prod-dr\n";

  static final String RDS = "aws:rds/instance:Instance";
  static final String REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  static final String SECRET = "aws:secretsmanager/secret:Secret";

  @ParameterizedTest
  @CsvSource({
    "dev, false, 7, false, db.t4g.micro, 200",
    "staging, true, 14, true, db.t4g.medium, 500",
    "prod, true, 30, true, db.r6g.xlarge, 1000"
  })
  void thePrimaryKeepsDataSafeForItsEnvironment(
      String env,
      boolean multiAz,
      int retention,
      boolean deletionProtection,
      String instanceClass,
      int maxStorage) {
    RecordedResource db = Plans.ofStack(env).get(RDS, env + "-db-primary");

    assertThat(db.input("multiAz").orElseThrow().asBoolean())
        .as("Multi-AZ of %s", db)
        .isEqualTo(multiAz);
    assertThat(db.input("backupRetentionPeriod").orElseThrow().asInt())
        .as("retention of %s", db)
        .isEqualTo(retention);
    assertThat(db.input("deletionProtection").orElseThrow().asBoolean())
        .isEqualTo(deletionProtection);
    assertThat(db.input("skipFinalSnapshot").orElseThrow().asBoolean())
        .isEqualTo(!deletionProtection);
    assertThat(db.text("instanceClass")).isEqualTo(instanceClass);
    assertThat(db.input("maxAllocatedStorage").orElseThrow().asInt()).isEqualTo(maxStorage);
    assertThat(db.input("storageEncrypted").orElseThrow().asBoolean()).isTrue();
    assertThat(db.text("kmsKeyId")).as("key of %s", db).startsWith("arn:aws:kms:");
    assertThat(db.input("publiclyAccessible").orElseThrow().asBoolean()).isFalse();
    assertThat(db.input("manageMasterUserPassword"))
        .as("RDS-managed password of %s (RDS makes no read replica of such a source)", db)
        .isEmpty();
    assertThat(db.text("password"))
        .as("password of %s, as the plan shows it", db)
        .isEqualTo("[secret]");
    assertThat(db.text("backupWindow")).isEqualTo("03:00-04:00");
    assertThat(db.text("maintenanceWindow")).isEqualTo("sun:04:00-sun:05:00");
    assertThat(db.protect()).as("protect of %s", db).isEqualTo(env.equals("prod"));
  }

  @Test
  void prodHasAReadReplicaInAnotherZone() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource replica = plan.get(RDS, "prod-db-replica-1");

    assertThat(replica.text("replicateSourceDb")).startsWith("prod-db-primary");
    assertThat(replica.text("availabilityZone")).isEqualTo("us-east-1b");
    assertThat(Plans.ofStack("dev").ofType(RDS)).hasSize(1);
  }

  @Test
  void aSameRegionReadReplicaNamesNoKeyAndInheritsThePrimarysEncryption() {
    RecordedResource replica = Plans.ofStack("prod").get(RDS, "prod-db-replica-1");

    assertThat(replica.input("kmsKeyId"))
        .as("kmsKeyId of %s (CreateDBInstanceReadReplica: not for a same-region replica)", replica)
        .isEmpty();
    assertThat(replica.input("storageEncrypted").orElseThrow().asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyExportedRdsLogHasAnEncryptedExpiringLogGroupCreatedBeforeTheInstance(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    List<RecordedResource> instances = plan.ofType(RDS);
    assertThat(instances).isNotEmpty();
    for (RecordedResource db : instances) {
      String id = db.text("identifier");
      for (JsonNode log : db.input("enabledCloudwatchLogsExports").orElseThrow()) {
        String name = "/aws/rds/instance/" + id + "/" + log.asText();
        List<RecordedResource> groups =
            plan.where(
                r ->
                    r.type().equals("aws:cloudwatch/logGroup:LogGroup")
                        && r.input("name").map(n -> n.asText().equals(name)).orElse(false));
        assertThat(groups).as("log group %s for %s", name, db).hasSize(1);
        RecordedResource group = groups.get(0);
        assertThat(group.text("kmsKeyId")).as("key of %s", group).contains(":key/");
        assertThat(group.input("retentionInDays").orElseThrow().asInt())
            .as("retention of %s", group)
            .isEqualTo(Plans.stackFile(env).observability().logRetentionDays());
        assertThat(db.dependencies()).as("%s waits for %s", db, group).contains(group.urn());
      }
    }
  }

  @Test
  void theParameterGroupForcesTlsAndLogsQueriesSlowerThan500Ms() {
    RecordedResource params =
        Plans.ofStack("prod").get("aws:rds/parameterGroup:ParameterGroup", "prod-db-params");
    List<String> settings = new java.util.ArrayList<>();
    params
        .input("parameters")
        .orElseThrow()
        .forEach(p -> settings.add(p.get("name").asText() + "=" + p.get("value").asText()));

    assertThat(settings)
        .contains(
            "rds.force_ssl=1",
            "log_min_duration_statement=500",
            "shared_preload_libraries=pg_stat_statements");
  }

  @ParameterizedTest
  @CsvSource({"dev, 1, 0, false", "staging, 1, 1, true", "prod, 1, 2, true"})
  void clusterModeAlwaysHasAutomaticFailoverAndMultiAzWhereverThereIsAReplica(
      String env, int shards, int replicas, boolean multiAz) {
    RecordedResource redis = Plans.ofStack(env).get(REDIS, env + "-cache-redis");

    assertThat(redis.input("numNodeGroups").orElseThrow().asInt()).isEqualTo(shards);
    assertThat(redis.input("replicasPerNodeGroup").orElseThrow().asInt()).isEqualTo(replicas);
    assertThat(redis.input("automaticFailoverEnabled").orElseThrow().asBoolean())
        .as("failover of %s: CreateReplicationGroup requires it in cluster mode", redis)
        .isTrue();
    assertThat(redis.input("multiAzEnabled").orElseThrow().asBoolean())
        .as("Multi-AZ of %s", redis)
        .isEqualTo(multiAz);
    assertThat(redis.input("atRestEncryptionEnabled").orElseThrow().asBoolean()).isTrue();
    assertThat(redis.input("transitEncryptionEnabled").orElseThrow().asBoolean()).isTrue();
    assertThat(redis.text("kmsKeyId")).startsWith("arn:aws:kms:");
    assertThat(redis.text("authToken")).as("AUTH token of %s", redis).isEqualTo("[secret]");
    assertThat(redis.protect()).isEqualTo(env.equals("prod"));
  }

  @Test
  void theCacheEvictsLeastRecentlyUsedKeys() {
    RecordedResource params =
        Plans.ofStack("prod")
            .get("aws:elasticache/parameterGroup:ParameterGroup", "prod-cache-params");

    assertThat(params.input("parameters").orElseThrow().toString())
        .contains("allkeys-lru")
        .contains("cluster-enabled");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void only5432And6379FromTheApplicationAndOperatorSecurityGroupsReachTheDataTier(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    String app = plan.get("aws:ec2/securityGroup:SecurityGroup", env + "-network-app-sg").id();
    for (String store : List.of(env + "-db-sg", env + "-cache-sg")) {
      RecordedResource group = plan.get("aws:ec2/securityGroup:SecurityGroup", store);
      assertThat(group.input("ingress").map(JsonNode::size).orElse(0))
          .as("inline ingress of %s", group)
          .isZero();
      List<RecordedResource> rules =
          plan.where(r -> r.type().equals(INGRESS) && r.text("securityGroupId").equals(group.id()));
      // The application; the database's password rotation; where plinth:database.proxy is on,
      // the proxy; where plinth:access is on, the operator instance (Session Manager).
      List<String> sources = new java.util.ArrayList<>(List.of(app));
      if (store.endsWith("db-sg")) {
        sources.add(plan.get("aws:ec2/securityGroup:SecurityGroup", env + "-db-rotation-sg").id());
        plan.where(r -> r.name().equals(env + "-db-proxy-sg")).forEach(sg -> sources.add(sg.id()));
      }
      plan.where(r -> r.name().equals(env + "-access-sg")).forEach(sg -> sources.add(sg.id()));
      assertThat(rules).as("ingress rules of %s", group).hasSize(sources.size());
      for (RecordedResource rule : rules) {
        assertThat(rule.text("referencedSecurityGroupId")).as("source of %s", rule).isIn(sources);
        assertThat(rule.input("cidrIpv4")).as("CIDR source of %s", rule).isEmpty();
        assertThat(rule.input("fromPort").orElseThrow().asInt())
            .isEqualTo(rule.input("toPort").orElseThrow().asInt())
            .isEqualTo(store.endsWith("db-sg") ? 5432 : 6379);
      }
      assertThat(rules)
          .extracting(r -> r.text("referencedSecurityGroupId"))
          .as("the application reaches %s", group)
          .contains(app);
    }
  }

  @Test
  void everySecretIsEncryptedWithTheSecretsKeyAndItsValueIsSecret() {
    ResourceGraph plan = Plans.ofStack("prod");
    String secretsKey =
        "arn:aws:kms:us-east-1:123456789012:key/"
            + plan.get("aws:kms/key:Key", "prod-keys-secrets").id();

    assertThat(plan.ofType("aws:secretsmanager/secret:Secret"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.text("kmsKeyId")).as("key of %s", s).isEqualTo(secretsKey));
    assertThat(plan.ofType("aws:secretsmanager/secretVersion:SecretVersion"))
        .allSatisfy(
            v -> assertThat(v.text("secretString")).as("value of %s", v).isEqualTo("[secret]"));
  }

  @TempDir Path dir;

  @Test
  void noSecretValueAppearsInThePlanTextOrJson() throws Exception {
    Path file = dir.resolve("Pulumi.sec.yaml");
    Files.writeString(
        file,
        Files.readString(Path.of("Pulumi.prod.yaml")).replace(PROD_STANDBY, "")
            + "  plinth:secrets:\n    app:\n      OPENAI_API_KEY:\n        secure: v1:CiPhErTeXtOfTheKey==\n");

    var text = PlanCommandTest.plan("sec", "--config", file.toString(), "--policy", "off");
    var json =
        PlanCommandTest.plan("sec", "--config", file.toString(), "--json", "--policy", "off");

    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(json.exit()).as(json.err()).isZero();
    for (String out : List.of(text.out(), json.out())) {
      assertThat(out).doesNotContain("CiPhErTeXtOfTheKey").doesNotContain("offline-plan-");
    }
    assertThat(json.out())
        .contains("plinth/sec/app-OPENAI_API_KEY")
        .contains("\"secretString\" : \"[secret]\"");
  }

  @Test
  void aProdStackFileThatTurnsOffMultiAzFailsThePolicyNamingRuleAndResource() throws Exception {
    Path file = dir.resolve("Pulumi.single.yaml");
    Files.writeString(
        file,
        Files.readString(Path.of("Pulumi.prod.yaml")).replace(PROD_STANDBY, "")
            + "  plinth:database:\n    multiAz: false\n");

    var run = PlanCommandTest.plan("single", "--config", file.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    assertThat(run.out()).contains("FAIL mandatory RDS-03").contains("single-db-primary");
  }
}
