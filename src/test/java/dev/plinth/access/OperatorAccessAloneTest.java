package dev.plinth.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.Json;
import dev.plinth.config.AccessSettings;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Types;
import dev.plinth.testing.Handles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator access built alone, from hand-made placement, keys and data stores. */
class OperatorAccessAloneTest {
  static final String DB_SG = "sg-db";
  static final String CACHE_SG = "sg-cache";

  static ResourceGraph access(AccessSettings settings, Environment env) {
    return Handles.build(
        ctx ->
            new OperatorAccess(
                "test-access",
                new OperatorAccess.Args(
                    settings,
                    env,
                    Handles.aws(),
                    Handles.placement("private"),
                    List.of("10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24"),
                    List.of(
                        new Reach("db", Output.of(DB_SG), 5432),
                        new Reach("cache", Output.of(CACHE_SG), 6379)),
                    Handles.keys(),
                    new SessionRetention(365, Output.of("access-logs"))),
                ComponentResourceOptions.builder().build()));
  }

  static final AccessSettings PROD = AccessSettings.preset(Environment.PROD);

  private static RecordedResource instance(ResourceGraph graph) {
    return graph.get(Types.INSTANCE, "test-access-instance");
  }

  @Test
  void theOperatorsSecurityGroupHasNoIngressAndOnlyTheStoresAdmitIt() {
    ResourceGraph graph = access(PROD, Environment.PROD);
    RecordedResource sg = graph.get(Types.SG, "test-access-sg");

    assertThat(sg.input("ingress")).as("inline ingress of %s", sg.name()).isEmpty();
    assertThat(graph.ofType(Types.SG_INGRESS))
        .as("ingress rules")
        .allSatisfy(
            rule ->
                assertThat(rule.text("securityGroupId"))
                    .as("group %s admits traffic into", rule.name())
                    .isIn(DB_SG, CACHE_SG));
    assertThat(graph.ofType(Types.SG_INGRESS))
        .extracting(r -> r.text("securityGroupId") + ":" + r.input("fromPort").get().asInt())
        .containsExactlyInAnyOrder(DB_SG + ":5432", CACHE_SG + ":6379");
    assertThat(graph.ofType(Types.SG_EGRESS))
        .extracting(r -> r.name() + ":" + r.input("fromPort").get().asInt())
        .containsExactlyInAnyOrder(
            "test-access-egress-https:443",
            "test-access-egress-db:5432",
            "test-access-egress-cache:6379");
  }

  @Test
  void theInstanceHasNoKeyPairNoPublicIpImdsV2AndAnEncryptedRoot() {
    RecordedResource instance = instance(access(PROD, Environment.PROD));

    assertThat(instance.input("keyName")).as("key pair of %s", instance.name()).isEmpty();
    assertThat(instance.input("associatePublicIpAddress").get().asBoolean())
        .as("public IP of %s", instance.name())
        .isFalse();
    assertThat(instance.text("metadataOptions.httpTokens"))
        .as("IMDS tokens of %s", instance.name())
        .isEqualTo("required");
    assertThat(instance.input("metadataOptions.httpPutResponseHopLimit").get().asInt())
        .as("hop limit of %s (nothing on it runs in a container)", instance.name())
        .isEqualTo(1);
    assertThat(instance.input("rootBlockDevice.encrypted").get().asBoolean())
        .as("root volume encryption of %s", instance.name())
        .isTrue();
    assertThat(instance.text("rootBlockDevice.kmsKeyId")).isEqualTo(Handles.keyArn("cluster"));
    assertThat(instance.text("subnetId")).isEqualTo("subnet-private-a");
  }

  @Test
  void theImageIsTheAmazonLinux2023ParameterOfTheTypesArchitectureAndLaterImagesDoNotReplaceIt() {
    RecordedResource graviton = instance(access(PROD, Environment.PROD));
    var x86 = new AccessSettings(true, "t3.micro", 20, false, false, PROD.clientVpn());
    RecordedResource intel = instance(access(x86, Environment.STAGING));

    assertThat(graviton.text("ami")).startsWith("ami-");
    assertThat(intel.text("ami"))
        .as("the x86_64 parameter answers another image than the arm64 one")
        .startsWith("ami-")
        .isNotEqualTo(graviton.text("ami"));
    assertThat(PROD.architecture()).isEqualTo("arm64");
    assertThat(x86.architecture()).isEqualTo("x86_64");
    assertThat(OperatorAccess.amiParameter("arm64"))
        .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64");
    assertThat(graviton.ignoreChanges()).as("ignoreChanges of %s", graviton.name()).contains("ami");
  }

  @Test
  void theRoleCarriesTheAgentsManagedPolicyAndWritesOnlyTheConventionalSessionDestinations()
      throws Exception {
    ResourceGraph graph = access(PROD, Environment.PROD);
    RecordedResource core = graph.get(Types.ROLE_POLICY_ATTACHMENT, "test-access-ssm-core");
    RecordedResource logging = graph.get(Types.ROLE_POLICY, "test-access-session-logging");
    JsonNode policy = Json.MAPPER.readTree(logging.text("policy"));

    assertThat(core.text("policyArn"))
        .isEqualTo("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    assertThat(policy.toString())
        .contains("log-group:/plinth/ssm-sessions:*")
        .contains("arn:aws:s3:::plinth-ssm-sessions-*/sessions/*")
        .contains("\"kms:ResourceAliases\":\"alias/plinth/ssm-sessions\"");
    for (JsonNode statement : policy.get("Statement")) {
      if (statement.path("Resource").asText().equals("*")) {
        List<String> actions = Json.MAPPER.convertValue(statement.get("Action"), List.class);
        assertThat(
                actions.stream().allMatch(a -> a.startsWith("logs:Describe"))
                    || statement.has("Condition"))
            .as("statement %s on Resource * is read-only or conditioned", statement.get("Sid"))
            .isTrue();
      }
    }
  }

  @Test
  void theOwnerLogsEverySessionEncryptedToBothDestinations() throws Exception {
    ResourceGraph graph = access(PROD, Environment.PROD);
    RecordedResource document = graph.get(Types.SSM_DOCUMENT, "test-access-preferences");
    JsonNode inputs = Json.MAPPER.readTree(document.text("content")).get("inputs");
    RecordedResource group = graph.get(Types.LOG_GROUP, "test-access-session-logs");

    assertThat(document.text("name")).isEqualTo("SSM-SessionManagerRunShell");
    assertThat(document.text("documentType")).isEqualTo("Session");
    assertThat(inputs.get("s3EncryptionEnabled").asBoolean()).isTrue();
    assertThat(inputs.get("cloudWatchEncryptionEnabled").asBoolean()).isTrue();
    assertThat(inputs.get("cloudWatchLogGroupName").asText()).isEqualTo("/plinth/ssm-sessions");
    RecordedResource bucket = graph.get(Types.BUCKET, "test-access-session-bucket");
    assertThat(inputs.get("s3BucketName").asText()).isEqualTo(bucket.id());
    assertThat(bucket.text("bucketPrefix"))
        .as("the prefix the instance role's s3:PutObject names")
        .isEqualTo(SessionLogging.BUCKET_PREFIX);
    assertThat(inputs.get("kmsKeyId").asText()).isEqualTo(Handles.keyArn("logs"));
    assertThat(group.text("kmsKeyId")).isEqualTo(Handles.keyArn("logs"));
    assertThat(group.input("retentionInDays").get().asInt()).isEqualTo(365);
    assertThat(graph.get("aws:kms/alias:Alias", "test-access-session-key-alias").text("name"))
        .isEqualTo("alias/plinth/ssm-sessions");
    assertThat(graph.get(Types.BUCKET, "test-access-session-bucket").protect())
        .as("the prod session bucket is protected")
        .isTrue();
  }

  @Test
  void aStackThatDoesNotOwnThePreferencesBuildsNoDestinationsAndNoDocument() {
    ResourceGraph graph = access(AccessSettings.preset(Environment.STAGING), Environment.STAGING);

    assertThat(graph.ofType(Types.SSM_DOCUMENT)).isEmpty();
    assertThat(graph.ofType(Types.LOG_GROUP)).isEmpty();
    assertThat(graph.ofType(Types.BUCKET)).isEmpty();
    assertThat(graph.get(Types.ROLE_POLICY, "test-access-session-logging").text("policy"))
        .as("the instance may still write where the owner's preferences send its sessions")
        .contains("/plinth/ssm-sessions");
  }

  @Test
  void interfaceEndpointsAdmitHttpsFromThePrivateSubnetsWithPrivateDns() {
    var withEndpoints = new AccessSettings(true, "t4g.nano", 20, false, true, PROD.clientVpn());
    ResourceGraph graph = access(withEndpoints, Environment.STAGING);
    ResourceGraph without = access(PROD, Environment.PROD);

    assertThat(graph.ofType(Types.VPC_ENDPOINT))
        .extracting(e -> e.text("serviceName"))
        .containsExactlyInAnyOrder(
            "com.amazonaws.us-east-1.ssm",
            "com.amazonaws.us-east-1.ssmmessages",
            "com.amazonaws.us-east-1.ec2messages");
    assertThat(graph.ofType(Types.VPC_ENDPOINT))
        .allSatisfy(
            e -> {
              assertThat(e.input("privateDnsEnabled").get().asBoolean()).isTrue();
              assertThat(e.text("vpcEndpointType")).isEqualTo("Interface");
            });
    assertThat(
            graph.where(
                r ->
                    r.type().equals(Types.SG_INGRESS)
                        && r.name().startsWith("test-access-endpoints-https")))
        .extracting(r -> r.text("cidrIpv4") + ":" + r.input("fromPort").get().asInt())
        .containsExactlyInAnyOrder("10.0.11.0/24:443", "10.0.12.0/24:443", "10.0.13.0/24:443");
    assertThat(without.ofType(Types.VPC_ENDPOINT)).as("endpoints where NAT serves").isEmpty();
  }
}
