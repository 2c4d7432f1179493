package dev.plinth.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Json;
import dev.plinth.config.Environment;
import dev.plinth.plan.PreviewJson;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Policy;
import dev.plinth.policy.PolicyReport;
import dev.plinth.policy.Verdict;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database's master credentials are Plinth's (issue 17): a generated password in a secret of
 * the shape AWS's rotation functions read, rotated by AWS's single-user PostgreSQL function that
 * can reach the database, never in plaintext in the plan, replicated to the DR region in prod.
 */
class MasterCredentialsTest {
  static final String SG = "aws:ec2/securityGroup:SecurityGroup";
  static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
  static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  static final String SECRET = "aws:secretsmanager/secret:Secret";
  static final String VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
  static final String STACK = "aws:serverlessrepository/cloudFormationStack:CloudFormationStack";
  static final String PASSWORD = "random:index/randomPassword:RandomPassword";
  static final String KEY = "aws:kms/key:Key";

  @Test
  void theSecretHoldsExactlyTheFieldsOfAnRdsPostgresqlSecret() throws Exception {
    JsonNode secret =
        Json.MAPPER.readTree(MasterCredentials.credentialsJson("plinth_admin", "db.host", "pw"));

    List<String> fields = new ArrayList<>();
    secret.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .as("fields of the master secret (Secrets Manager User Guide, JSON structure)")
        .containsExactlyInAnyOrder("engine", "host", "port", "username", "password", "dbname");
    assertThat(secret.get("engine").asText()).as("engine").isEqualTo("postgres");
    assertThat(secret.get("host").asText()).as("host").isEqualTo("db.host");
    assertThat(secret.get("port").isInt()).as("port is a number: %s", secret.get("port")).isTrue();
    assertThat(secret.get("port").asInt()).as("port").isEqualTo(Database.PORT);
    assertThat(secret.get("username").asText()).as("username").isEqualTo("plinth_admin");
    assertThat(secret.get("password").asText()).as("password").isEqualTo("pw");
    assertThat(secret.get("dbname").asText()).as("dbname").isEqualTo(Database.DATABASE_NAME);
  }

  @Test
  void passwordsUseNoCharacterRdsRefusesAndHaveALengthRdsTakes() {
    // rds 2014-10-31 CreateDBInstance MasterUserPassword: printable ASCII except / " @; 8 to 128
    // characters for PostgreSQL.
    for (String forbidden : List.of("/", "\"", "@", " ")) {
      assertThat(MasterCredentials.PASSWORD_SPECIALS)
          .as("special characters of the first password")
          .doesNotContain(forbidden);
    }
    for (String forbidden : List.of("/", "\"", "@")) {
      assertThat(MasterCredentials.EXCLUDED_CHARACTERS)
          .as("characters the rotation function leaves out")
          .contains(forbidden);
    }
    assertThat(MasterCredentials.PASSWORD_LENGTH).isBetween(8, 128);
    RecordedResource password = Plans.ofStack("prod").get(PASSWORD, "prod-db-master-password");
    assertThat(password.input("length").orElseThrow().asInt())
        .as("length of %s", password)
        .isEqualTo(MasterCredentials.PASSWORD_LENGTH);
    assertThat(password.text("overrideSpecial"))
        .as("specials of %s", password)
        .isEqualTo(MasterCredentials.PASSWORD_SPECIALS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theRotationFunctionRunsInThePrivateSubnetsWithAGroupThatReachesTheDatabase(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource rotationGroup = plan.get(SG, env + "-db-rotation-sg");
    RecordedResource dbGroup = plan.get(SG, env + "-db-sg");
    RecordedResource toDb = plan.get(EGRESS, env + "-db-rotation-sg-to-db");
    RecordedResource toApi = plan.get(EGRESS, env + "-db-rotation-sg-to-secrets-manager");
    RecordedResource fromRotation = plan.get(INGRESS, env + "-db-sg-from-rotation");
    RecordedResource stack = plan.get(STACK, env + "-db-rotation");

    assertThat(toDb.text("securityGroupId")).as("group of %s", toDb).isEqualTo(rotationGroup.id());
    assertThat(toDb.text("referencedSecurityGroupId"))
        .as("destination of %s", toDb)
        .isEqualTo(dbGroup.id());
    assertThat(fromRotation.text("securityGroupId"))
        .as("group of %s", fromRotation)
        .isEqualTo(dbGroup.id());
    assertThat(fromRotation.text("referencedSecurityGroupId"))
        .as("source of %s", fromRotation)
        .isEqualTo(rotationGroup.id());
    for (RecordedResource rule : List.of(toDb, fromRotation)) {
      assertThat(rule.input("fromPort").orElseThrow().asInt())
          .as("port of %s", rule)
          .isEqualTo(5432);
      assertThat(rule.input("toPort").orElseThrow().asInt()).as("port of %s", rule).isEqualTo(5432);
    }
    assertThat(toApi.input("fromPort").orElseThrow().asInt())
        .as("port of %s", toApi)
        .isEqualTo(443);
    assertThat(
            plan.where(
                r ->
                    r.type().equals(EGRESS)
                        && r.text("securityGroupId").equals(rotationGroup.id())))
        .as("egress of %s: the database and Secrets Manager only", rotationGroup)
        .containsExactlyInAnyOrder(toDb, toApi);

    assertThat(stack.text("parameters.vpcSecurityGroupIds"))
        .as("security group of %s", stack)
        .isEqualTo(rotationGroup.id());
    assertThat(stack.text("parameters.vpcSubnetIds"))
        .as("subnets of %s: the private tier, which reaches Secrets Manager through NAT", stack)
        .isEqualTo(
            String.join(
                ",",
                Json.MAPPER.convertValue(
                    plan.outputs().get("privateSubnetIds"),
                    new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {})));
    assertThat(stack.text("parameters.endpoint"))
        .as("endpoint of %s", stack)
        .isEqualTo("https://secretsmanager.us-east-1.amazonaws.com");
    assertThat(stack.text("parameters.kmsKeyArn"))
        .as("key %s may use", stack)
        .endsWith(
            ":key/"
                + plan.get(
                        KEY,
                        env
                            + (Plans.config(env).keys().layout()
                                    == dev.plinth.config.KeySettings.KeyLayout.SHARED
                                ? "-keys-shared"
                                : "-keys-secrets"))
                    .id());
    assertThat(stack.text("applicationId"))
        .as("application of %s", stack)
        .endsWith(":applications/SecretsManagerRDSPostgreSQLRotationSingleUser");
    assertThat(stack.text("semanticVersion")).as("version of %s", stack).isEqualTo("1.1.671");
    assertThat(stack.input("capabilities").orElseThrow().toString())
        .as("capabilities of %s", stack)
        .contains("CAPABILITY_IAM")
        .contains("CAPABILITY_RESOURCE_POLICY");
  }

  @Test
  void noPasswordAppearsInPlaintextInThePlan() {
    ResourceGraph plan = Plans.ofStack("prod");
    String json = Json.write(PreviewJson.of(plan, Plans.stackFile("prod")));

    // The mocks answer every generated password with "offline-plan-..." (MockCloud).
    assertThat(json).as("the prod plan's JSON").doesNotContain("offline-plan-");
    assertThat(plan.get(DataTierTest.RDS, "prod-db-primary").text("password"))
        .as("password of prod-db-primary")
        .isEqualTo("[secret]");
    assertThat(plan.get(VERSION, "prod-db-master-secret-value").text("secretString"))
        .as("value of prod-db-master-secret-value")
        .isEqualTo("[secret]");
  }

  @Test
  void switchingAnExistingPrimaryToPlinthsPasswordUpdatesItInPlace() {
    var replacing = dev.plinth.plan.ReplacingInputs.load();

    for (String input :
        List.of("manageMasterUserPassword", "password", "masterUserSecretKmsKeyId")) {
      assertThat(replacing.replacing(DataTierTest.RDS, input))
          .as("whether changing %s replaces an RDS instance (docs/upgrades.md)", input)
          .isEmpty();
    }
    assertThat(replacing.replacing(DataTierTest.RDS, "username"))
        .as("the table knows the instance's replacing inputs")
        .isPresent();
  }

  @Test
  void dep17PassesInProdNowThatThePasswordIsPlinths() {
    PolicyReport report = Policy.evaluate(Plans.ofStack("prod"), Environment.PROD);

    assertThat(report.verdict("DEP-17", "prod-db-replica-1"))
        .hasValueSatisfying(
            f -> assertThat(f.verdict()).as("DEP-17 on prod-db-replica-1").isEqualTo(Verdict.PASS));
  }

  @Test
  void inProdEverySecretHasAReplicaInTheDrRegionUnderASecretsKeyThere() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource drKey = plan.get(KEY, "prod-keys-secrets-dr");
    RecordedResource drProvider = plan.get("pulumi:providers:aws", "prod-aws-dr");

    assertThat(drKey.provider()).as("provider of %s", drKey).contains("prod-aws-dr");
    assertThat(drProvider.text("region")).as("region of %s", drProvider).isEqualTo("us-west-2");
    assertThat(drKey.text("policy"))
        .as("policy of %s: Secrets Manager of the DR region may use it", drKey)
        .contains("secretsmanager.us-west-2.amazonaws.com");
    assertThat(drKey.protect()).as("protect of %s", drKey).isTrue();
    List<RecordedResource> secrets = plan.ofType(SECRET);
    assertThat(secrets)
        .extracting(RecordedResource::name)
        .contains("prod-db-master-secret", "prod-secrets-cache-auth-token");
    String drKeyArn = "arn:aws:kms:us-west-2:123456789012:key/" + drKey.id();
    for (RecordedResource secret : secrets) {
      assertThat(secret.input("replicas").map(JsonNode::size).orElse(0))
          .as("replicas of %s", secret)
          .isEqualTo(1);
      assertThat(secret.text("replicas.0.region"))
          .as("replica region of %s", secret)
          .isEqualTo("us-west-2");
      assertThat(secret.text("replicas.0.kmsKeyId"))
          .as("replica key of %s", secret)
          .isEqualTo(drKeyArn);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging"})
  void devAndStagingReplicateNoSecret(String env) {
    ResourceGraph plan = Plans.ofStack(env);

    assertThat(plan.ofType(SECRET))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.input("replicas")).as("replicas of %s", s).isEmpty());
    assertThat(plan.where(r -> r.name().equals(env + "-keys-secrets-dr")))
        .as("a secrets key in the DR region of %s", env)
        .isEmpty();
  }

  @Test
  void theApplicationIsToldTheSecretTheStackExportsAndMayReadIt() {
    ResourceGraph plan = Plans.ofStack("prod");
    String exported = plan.outputs().get("dbMasterSecretArn").asText();
    RecordedResource config = plan.get("kubernetes:core/v1:ConfigMap", "prod-app-config");
    RecordedResource policy = plan.get("aws:iam/rolePolicy:RolePolicy", "prod-app-role-policy");

    assertThat(exported)
        .as("dbMasterSecretArn")
        .endsWith(":secret/" + plan.get(SECRET, "prod-db-master-secret").id());
    assertThat(config.text("data.DATABASE_SECRET_ARN"))
        .as("DATABASE_SECRET_ARN of %s", config)
        .isEqualTo(exported);
    assertThat(policy.text("policy")).as("policy of %s", policy).contains(exported);
  }
}
