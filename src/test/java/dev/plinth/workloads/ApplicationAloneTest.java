package dev.plinth.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Json;
import dev.plinth.config.WorkloadSettings;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application built alone, from hand-made handles: a cluster whose objects wait for two
 * stand-in resources, the target group, the database's and the cache's connections.
 */
class ApplicationAloneTest {
  static final String ROLE = "aws:iam/role:Role";
  static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
  static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
  static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
  static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
  static final String SERVICE = "kubernetes:core/v1:Service";
  static final String BINDING = "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding";

  static final WorkloadSettings SETTINGS = StandIns.settings();

  static ResourceGraph build() {
    return Handles.build(ctx -> StandIns.application(SETTINGS));
  }

  static List<String> readyAfter(ResourceGraph graph) {
    String type = "aws:eks/nodeGroup:NodeGroup";
    return List.of(graph.get(type, StandIns.NODES).urn(), graph.get(type, StandIns.ADDONS).urn());
  }

  @Test
  void theRoleTrustsExactlyTheHandlesOidcProviderAndTheApplicationsServiceAccount()
      throws Exception {
    RecordedResource role = build().get(ROLE, "test-app-role");

    JsonNode trust = Json.MAPPER.readTree(role.text("assumeRolePolicy"));
    assertThat(trust.get("Statement")).as("statements of %s's trust", role).hasSize(1);
    JsonNode statement = trust.at("/Statement/0");
    assertThat(statement.at("/Principal/Federated").asText())
        .as("provider %s trusts", role)
        .isEqualTo(Handles.OIDC_PROVIDER_ARN);
    String host = Handles.OIDC_ISSUER.replaceFirst("^https://", "");
    assertThat(statement.at("/Condition/StringEquals").get(host + ":sub").asText())
        .as("subject %s trusts", role)
        .isEqualTo("system:serviceaccount:" + SETTINGS.namespace() + ":" + SETTINGS.name());
  }

  @Test
  void theRoleReadsExactlyTheConnectionsSecretsAndDecryptsWithTheirKey() throws Exception {
    RecordedResource policy = build().get(ROLE_POLICY, "test-app-role-policy");

    JsonNode statements = Json.MAPPER.readTree(policy.text("policy")).get("Statement");
    assertThat(statements.get(0).get("Resource"))
        .as("secrets %s reads", policy)
        .extracting(JsonNode::asText)
        .containsExactly(Handles.DATABASE_SECRET, Handles.CACHE_SECRET);
    assertThat(statements.get(1).get("Resource").asText())
        .as("key %s decrypts with", policy)
        .isEqualTo(Handles.keyArn("secrets"));
  }

  @Test
  void theServiceAccountIsAnnotatedWithTheApplicationsRole() {
    RecordedResource account =
        build().get("kubernetes:core/v1:ServiceAccount", "test-app-service-account");

    assertThat(account.text("metadata.name")).as("name of %s", account).isEqualTo(SETTINGS.name());
    JsonNode annotations = account.input("metadata.annotations").orElseThrow();
    assertThat(annotations.path(Application.ROLE_ANNOTATION).asText())
        .as("role of %s", account)
        .startsWith("arn:aws:iam::" + Handles.ACCOUNT + ":role/test-app-role");
  }

  @Test
  void theDeploymentWaitsForTheClustersReadyAfterResourcesThroughItsBinding() {
    ResourceGraph graph = build();

    RecordedResource deployment = graph.get(DEPLOYMENT, "test-app-deployment");
    RecordedResource binding = graph.get(BINDING, "test-app-target-group-binding");
    assertThat(deployment.dependencies())
        .as("dependencies of %s", deployment)
        .contains(binding.urn());
    assertThat(binding.dependencies())
        .as("dependencies of %s", binding)
        .containsAll(readyAfter(graph))
        .contains(graph.get(SERVICE, "test-app-service").urn());
  }

  @Test
  void theAutoscalerWaitsForTheDeploymentAndTheClustersReadyAfterResources() {
    ResourceGraph graph = build();

    RecordedResource hpa = graph.get(HPA, "test-app-autoscaler");
    assertThat(hpa.dependencies())
        .as("dependencies of %s", hpa)
        .containsAll(readyAfter(graph))
        .contains(graph.get(DEPLOYMENT, "test-app-deployment").urn());
  }

  @Test
  void everyKubernetesObjectGoesThroughTheHandlesProvider() {
    List<RecordedResource> objects = build().where(r -> r.type().startsWith("kubernetes:"));

    assertThat(objects).hasSizeGreaterThanOrEqualTo(9);
    for (RecordedResource object : objects) {
      assertThat(object.provider()).as("provider of %s", object).contains("::test-k8s::");
    }
  }

  @Test
  void theBindingRegistersPodsInTheHandlesTargetGroup() {
    RecordedResource binding = build().get(BINDING, "test-app-target-group-binding");

    assertThat(binding.text("spec.targetGroupARN"))
        .as("target group of %s", binding)
        .isEqualTo(Handles.TARGET_GROUP);
    assertThat(binding.text("spec.targetType")).as("target type of %s", binding).isEqualTo("ip");
  }

  @Test
  void podsOutlastTheTargetGroupsDeregistrationDelayBeforeTheirShutdown() {
    RecordedResource deployment = build().get(DEPLOYMENT, "test-app-deployment");

    int delay = Handles.targetGroup().deregistrationDelaySeconds();
    assertThat(
            deployment
                .input("spec.template.spec.terminationGracePeriodSeconds")
                .orElseThrow()
                .asInt())
        .as("grace period of %s", deployment)
        .isEqualTo(
            delay + Application.DEREGISTRATION_MARGIN_SECONDS + Application.SHUTDOWN_SECONDS);
    assertThat(deployment.text("spec.template.spec.containers.0.image"))
        .as("image of %s", deployment)
        .isEqualTo(StandIns.REPOSITORY_URL + ":" + SETTINGS.imageTag());
  }

  @Test
  void theConfigMapCarriesTheConnectionsEndpointsPortsAndSecretArnsOnly() {
    RecordedResource config = build().get(CONFIG_MAP, "test-app-config");

    Map<String, String> expected =
        Map.of(
            "DATABASE_HOST", "db.test.internal",
            "DATABASE_PORT", "5432",
            "DATABASE_NAME", "plinth",
            "DATABASE_SECRET_ARN", Handles.DATABASE_SECRET,
            "REDIS_HOST", "cache.test.internal",
            "REDIS_PORT", "6379",
            "REDIS_AUTH_SECRET_ARN", Handles.CACHE_SECRET);
    expected.forEach(
        (key, value) ->
            assertThat(config.text("data." + key)).as("%s of %s", key, config).isEqualTo(value));
  }
}
