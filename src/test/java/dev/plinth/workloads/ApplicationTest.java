package dev.plinth.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Json;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationTest {
  static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
  static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
  static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
  static final String QUOTA = "kubernetes:core/v1:ResourceQuota";
  static final String LIMITS = "kubernetes:core/v1:LimitRange";
  static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
  static final String SERVICE = "kubernetes:core/v1:Service";
  static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
  static final String NAMESPACE = "kubernetes:core/v1:Namespace";

  /** The application's Kubernetes objects: every kubernetes: resource but the Helm add-ons. */
  static List<RecordedResource> manifests(ResourceGraph plan) {
    return plan.where(
        r -> r.type().startsWith("kubernetes:") && !r.type().startsWith("kubernetes:helm.sh/"));
  }

  static JsonNode container(RecordedResource deployment) {
    return deployment.input("spec.template.spec.containers.0").orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theContainerHasTheSeedsProbesResourcesAndARestrictedSecurityContext(String env) {
    RecordedResource deployment = Plans.ofStack(env).get(DEPLOYMENT, env + "-app-deployment");
    JsonNode c = container(deployment);

    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/api/health");
    assertThat(c.at("/livenessProbe/initialDelaySeconds").asInt()).isEqualTo(30);
    assertThat(c.at("/livenessProbe/periodSeconds").asInt()).isEqualTo(10);
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/api/ready");
    assertThat(c.at("/readinessProbe/initialDelaySeconds").asInt()).isEqualTo(5);
    assertThat(c.at("/readinessProbe/periodSeconds").asInt()).isEqualTo(5);
    assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(3000);
    assertThat(c.at("/resources/requests/cpu").asText()).isEqualTo("500m");
    assertThat(c.at("/resources/requests/memory").asText()).isEqualTo("512Mi");
    assertThat(c.at("/resources/limits/cpu").asText()).isEqualTo("2");
    assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("2Gi");

    JsonNode sc = c.get("securityContext");
    assertThat(sc.get("runAsNonRoot").asBoolean()).as("runAsNonRoot of %s", deployment).isTrue();
    assertThat(sc.get("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.get("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(sc.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
    JsonNode pod = deployment.input("spec.template.spec").orElseThrow();
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(pod.get("serviceAccountName").asText()).isEqualTo("app-api");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void rolloutsKeepEveryPodServingAndPodsSpreadAcrossZones(String env) {
    RecordedResource deployment = Plans.ofStack(env).get(DEPLOYMENT, env + "-app-deployment");

    assertThat(deployment.text("spec.strategy.type")).isEqualTo("RollingUpdate");
    assertThat(deployment.input("spec.strategy.rollingUpdate.maxUnavailable").orElseThrow().asInt())
        .as("maxUnavailable of %s", deployment)
        .isZero();
    assertThat(deployment.input("spec.replicas"))
        .as("replicas of %s: the autoscaler owns the count", deployment)
        .isEmpty();
    assertThat(deployment.input("spec.template.spec.topologySpreadConstraints").orElseThrow())
        .extracting(t -> t.get("topologyKey").asText())
        .contains("topology.kubernetes.io/zone");
  }

  @ParameterizedTest
  @CsvSource({"dev, 1, 2", "staging, 1, 3", "prod, 3, 20"})
  void theAutoscalerHasTheEnvironmentsBoundsAndTheSeedsBehaviour(String env, int min, int max) {
    RecordedResource hpa = Plans.ofStack(env).get(HPA, env + "-app-autoscaler");

    assertThat(hpa.input("spec.minReplicas").orElseThrow().asInt())
        .as("min of %s", hpa)
        .isEqualTo(min);
    assertThat(hpa.input("spec.maxReplicas").orElseThrow().asInt())
        .as("max of %s", hpa)
        .isEqualTo(max);
    assertThat(hpa.text("spec.scaleTargetRef.kind")).isEqualTo("Deployment");
    assertThat(hpa.text("spec.scaleTargetRef.name")).isEqualTo("app-api");
    JsonNode metrics = hpa.input("spec.metrics").orElseThrow();
    assertThat(metrics)
        .extracting(
            m ->
                m.at("/resource/name").asText() + "=" + m.at("/resource/target/averageUtilization"))
        .containsExactlyInAnyOrder("cpu=70", "memory=80");
    JsonNode up = hpa.input("spec.behavior.scaleUp.policies.0").orElseThrow();
    assertThat(up.get("type").asText() + up.get("value") + "/" + up.get("periodSeconds"))
        .as("scale-up policy of %s", hpa)
        .isEqualTo("Pods2/60");
    JsonNode down = hpa.input("spec.behavior.scaleDown.policies.0").orElseThrow();
    assertThat(down.get("type").asText() + down.get("value") + "/" + down.get("periodSeconds"))
        .as("scale-down policy of %s", hpa)
        .isEqualTo("Pods1/300");
    assertThat(
            hpa.input("spec.behavior.scaleDown.stabilizationWindowSeconds").orElseThrow().asInt())
        .isEqualTo(600);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theDisruptionBudgetCoversTheApplicationsPodsOneAtATime(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource pdb = plan.get(PDB, env + "-app-disruption-budget");
    RecordedResource deployment = plan.get(DEPLOYMENT, env + "-app-deployment");

    assertThat(pdb.input("spec.maxUnavailable").orElseThrow().asInt()).isEqualTo(1);
    assertThat(pdb.input("spec.selector.matchLabels").orElseThrow())
        .as("selector of %s", pdb)
        .isEqualTo(deployment.input("spec.selector.matchLabels").orElseThrow());
  }

  @Test
  void inProdTheFloorOfTwoOutlastsADrain() {
    ResourceGraph plan = Plans.ofStack("prod");
    int min = plan.get(HPA, "prod-app-autoscaler").input("spec.minReplicas").orElseThrow().asInt();
    int maxUnavailable =
        plan.get(PDB, "prod-app-disruption-budget")
            .input("spec.maxUnavailable")
            .orElseThrow()
            .asInt();

    assertThat(min - maxUnavailable).as("pods serving during a drain in prod").isPositive();
  }

  @ParameterizedTest
  @CsvSource({
    "dev, 4, 8Gi, 8, 16Gi, 2",
    "staging, 10, 20Gi, 20, 40Gi, 5",
    "prod, 100, 200Gi, 200, 400Gi, 10"
  })
  void theNamespaceHasAQuotaAndLimitsSizedForItsEnvironment(
      String env, String cpu, String memory, String cpuLimits, String memoryLimits, int pvcs) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource quota = plan.get(QUOTA, env + "-app-quota");
    JsonNode hard = quota.input("spec.hard").orElseThrow();

    assertThat(hard.get("requests.cpu").asText()).as("requests.cpu of %s", quota).isEqualTo(cpu);
    assertThat(hard.get("requests.memory").asText()).isEqualTo(memory);
    assertThat(hard.get("limits.cpu").asText()).isEqualTo(cpuLimits);
    assertThat(hard.get("limits.memory").asText()).isEqualTo(memoryLimits);
    assertThat(hard.get("persistentvolumeclaims").asInt()).isEqualTo(pvcs);
    assertThat(quota.text("metadata.namespace")).isEqualTo("app");
    RecordedResource limits = plan.get(LIMITS, env + "-app-limits");
    assertThat(limits.text("spec.limits.0.type")).isEqualTo("Container");
    assertThat(limits.text("spec.limits.0.defaultRequest.cpu")).isEqualTo("500m");
    RecordedResource ns = plan.get(NAMESPACE, env + "-app-namespace");
    assertThat(
            ns.input("metadata.labels")
                .orElseThrow()
                .get("pod-security.kubernetes.io/enforce")
                .asText())
        .as("Pod Security level of %s", ns)
        .isEqualTo("restricted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyObjectGoesThroughTheClustersProvider(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    String k8s = plan.get("pulumi:providers:kubernetes", env + "-cluster-k8s").urn();

    assertThat(manifests(plan)).hasSize(10);
    assertThat(manifests(plan))
        .allSatisfy(r -> assertThat(r.provider()).as("provider of %s", r).startsWith(k8s + "::"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyManifestIsValidAgainstTheKubernetes135Schema(String env) {
    List<RecordedResource> manifests =
        manifests(Plans.ofStack(env)).stream()
            .filter(r -> !r.type().equals(TargetGroupBinding.TYPE))
            .toList();

    assertThat(manifests).hasSize(9);
    assertThat(manifests)
        .allSatisfy(
            r -> assertThat(KubernetesSchema.problem(r)).as("schema problem of %s", r).isEmpty());
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        Arguments.of(
            "apps/v1",
            "Deployment",
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replica\":2,"
                + "\"selector\":{},\"template\":{}}}",
            "replica"),
        Arguments.of(
            "apps/v1",
            "Deployment",
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"selector\":{},"
                + "\"template\":{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}}",
            "name"),
        Arguments.of(
            "v1",
            "ConfigMap",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":[\"a\"]}}",
            "name"),
        Arguments.of(
            "autoscaling/v2beta2",
            "HorizontalPodAutoscaler",
            "{\"apiVersion\":\"autoscaling/v2beta2\",\"kind\":\"HorizontalPodAutoscaler\"}",
            "not served"),
        Arguments.of(
            "apps/v1",
            "PodDisruptionBudget",
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"PodDisruptionBudget\"}",
            "not served"));
  }

  @ParameterizedTest(name = "{1}: {3}")
  @MethodSource("invalidManifests")
  void theSchemaCheckRefusesWhatTheApiServerWould(
      String apiVersion, String kind, String manifest, String mentions) {
    assertThat(KubernetesSchema.problem(apiVersion, kind, manifest))
        .as("problem with %s", manifest)
        .hasValueSatisfying(p -> assertThat(p).contains(mentions));
  }

  @Test
  void theTargetGroupBindingRegistersTheServicesPodsInTheEdgesTargetGroup() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource binding = plan.get(TargetGroupBinding.TYPE, "prod-app-target-group-binding");
    RecordedResource targetGroup =
        plan.get("aws:lb/targetGroup:TargetGroup", "prod-edge-lb-app-tg");
    RecordedResource service = plan.get(SERVICE, "prod-app-service");

    assertThat(binding.text("apiVersion")).isEqualTo("elbv2.k8s.aws/v1beta1");
    assertThat(binding.text("kind")).isEqualTo("TargetGroupBinding");
    assertThat(binding.text("spec.targetGroupARN"))
        .isEqualTo(plan.outputs().get("targetGroupArn").asText());
    assertThat(binding.text("spec.targetType"))
        .as("target type of %s", binding)
        .isEqualTo(targetGroup.text("targetType"));
    assertThat(binding.text("spec.serviceRef.name")).isEqualTo(service.text("metadata.name"));
    assertThat(binding.input("spec.serviceRef.port").orElseThrow().asInt())
        .isEqualTo(service.input("spec.ports.0.port").orElseThrow().asInt());
    assertThat(binding.text("metadata.namespace")).isEqualTo(service.text("metadata.namespace"));
    assertThat(service.text("spec.ports.0.targetPort")).isEqualTo("http");
    assertThat(targetGroup.input("port").orElseThrow().asInt())
        .as("the target group's port is the container's")
        .isEqualTo(
            container(plan.get(DEPLOYMENT, "prod-app-deployment"))
                .at("/ports/0/containerPort")
                .asInt());
  }

  @Test
  void theBindingWaitsForTheLoadBalancerControllerWhoseWebhookAdmitsIt() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource binding = plan.get(TargetGroupBinding.TYPE, "prod-app-target-group-binding");
    String controller =
        plan.get(
                "kubernetes:helm.sh/v3:Release", "prod-cluster-addons-aws-load-balancer-controller")
            .urn();
    String addons = plan.get("plinth:compute:ClusterAddons", "prod-cluster-addons").urn();

    assertThat(binding.dependencies())
        .as("dependencies of %s", binding)
        .containsAnyOf(controller, addons);
  }

  @Test
  void theLoadBalancerMayReachThePodsOnTheContainerPort() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource in =
        plan.get(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "prod-edge-lb-app-in");

    assertThat(in.input("fromPort").orElseThrow().asInt()).isEqualTo(3000);
    assertThat(in.input("toPort").orElseThrow().asInt()).isEqualTo(3000);
    assertThat(in.text("securityGroupId"))
        .as("the rule is on the nodes' (pods') group")
        .isEqualTo(plan.get("aws:ec2/securityGroup:SecurityGroup", "prod-network-app-sg").id());
  }

  @Test
  void theServiceAccountsRoleReadsExactlyTheDatabaseAndCacheSecrets() throws Exception {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource role = plan.get("aws:iam/role:Role", "prod-app-role");
    RecordedResource policy = plan.get("aws:iam/rolePolicy:RolePolicy", "prod-app-role-policy");
    RecordedResource sa = plan.get(SERVICE_ACCOUNT, "prod-app-service-account");

    JsonNode trust = Json.MAPPER.readTree(role.text("assumeRolePolicy"));
    assertThat(trust.toString()).contains("system:serviceaccount:app:app-api");
    JsonNode statements = Json.MAPPER.readTree(policy.text("policy")).get("Statement");
    JsonNode read = statements.get(0);
    assertThat(read.get("Resource"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            plan.outputs().get("dbMasterSecretArn").asText(),
            plan.outputs().get("cacheAuthSecretArn").asText());
    assertThat(statements.toString()).doesNotContain("\"Resource\":\"*\"");
    assertThat(
            sa.input("metadata.annotations")
                .orElseThrow()
                .get(Application.ROLE_ANNOTATION)
                .asText())
        .isEqualTo(plan.outputs().get("appRoleArn").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void noSecretValueAppearsInAnyManifest(String env) {
    ResourceGraph plan = Plans.ofStack(env);

    assertThat(plan.ofType("kubernetes:core/v1:Secret")).as("Kubernetes Secrets").isEmpty();
    assertThat(manifests(plan))
        .allSatisfy(
            r ->
                assertThat(r.inputs().toString())
                    .as("inputs of %s", r)
                    .doesNotContain("[secret]")
                    .doesNotContainIgnoringCase("password"));
    RecordedResource config = plan.get(CONFIG_MAP, env + "-app-config");
    JsonNode data = config.input("data").orElseThrow();
    assertThat(data.get("DATABASE_SECRET_ARN").asText()).startsWith("arn:aws:secretsmanager:");
    assertThat(data.get("REDIS_AUTH_SECRET_ARN").asText()).startsWith("arn:aws:secretsmanager:");
    if (plan.outputs().has("dbProxyEndpoint")) {
      assertThat(data.get("DATABASE_HOST").asText())
          .as("the host of %s, whose database has a proxy", config)
          .isEqualTo(plan.outputs().get("dbProxyEndpoint").asText());
    } else {
      assertThat(plan.outputs().get("dbEndpoint").asText())
          .as("the database endpoint")
          .startsWith(data.get("DATABASE_HOST").asText() + ":");
    }
  }

  @Test
  void theImageIsTheRegistrysRepositoryAtTheConfiguredTag() {
    ResourceGraph plan = Plans.ofStack("prod");
    String url = plan.outputs().get("repositoryUrls").get("app-api").asText();

    assertThat(container(plan.get(DEPLOYMENT, "prod-app-deployment")).get("image").asText())
        .isEqualTo(url + ":" + WorkloadValidation.PLACEHOLDER_TAG);
  }

  @Test
  void pulumiUpRefusesTheStackFilesPlaceholderTagButNotARealOneOrTheSwitchOff() {
    var prod = Plans.stackFile("prod");

    assertThat(
            WorkloadValidation.forDeployment(prod.workloads()).stream().map(ConfigProblem::message))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith("plinth:workloads.imageTag is the stack file's placeholder")
                    .contains("plinth:workloads.enabled false")
                    .contains("(got 0.0.0-placeholder)"));
    var tagged =
        Plans.config("prod", Map.of("plinth:workloads", Map.of("enabled", true, "imageTag", "v2")));
    assertThat(WorkloadValidation.forDeployment(tagged.workloads())).isEmpty();
    var off =
        Plans.config("prod", Map.of("plinth:workloads", Map.of("imageTag", "0.0.0-placeholder")));
    assertThat(WorkloadValidation.forDeployment(off.workloads())).isEmpty();
  }

  @Test
  void aNewTagRollsOutThroughTheSameDeployment() {
    ResourceGraph plan =
        Plans.of(
            Plans.config(
                "prod", Map.of("plinth:workloads", Map.of("enabled", true, "imageTag", "v1.2.3"))));

    assertThat(container(plan.get(DEPLOYMENT, "prod-app-deployment")).get("image").asText())
        .endsWith("/app-api:v1.2.3");
  }

  @Test
  void withTheSwitchOffThePlatformHasNoApplication() {
    ResourceGraph plan = Plans.of(Plans.config("prod"));

    assertThat(manifests(plan)).isEmpty();
    assertThat(plan.ofType(Application.TYPE)).isEmpty();
    assertThat(plan.outputs().has("appImage")).isFalse();
    assertThat(plan.ofType("kubernetes:helm.sh/v3:Release")).hasSize(3);
  }

  @Test
  void aChangedEndpointMakesANewConfigMapName() {
    Map<String, String> before = Map.of("DATABASE_HOST", "a.example.com");
    Map<String, String> after = Map.of("DATABASE_HOST", "b.example.com");

    assertThat(ApplicationConfiguration.digest(before))
        .isNotEqualTo(ApplicationConfiguration.digest(after));
    assertThat(ApplicationConfiguration.digest(before))
        .isEqualTo(ApplicationConfiguration.digest(Map.copyOf(before)));
  }

  static Stream<Arguments> badWorkloads() {
    return Stream.of(
        Arguments.of(
            Map.of("enabled", true),
            "plinth:workloads.imageTag is required when plinth:workloads.enabled is true"),
        Arguments.of(
            Map.of("enabled", true, "imageTag", "latest"),
            "plinth:workloads.imageTag must name a release, not latest"),
        Arguments.of(Map.of("imageTag", "-bad"), "plinth:workloads.imageTag must be an image tag"),
        Arguments.of(
            Map.of("enabled", true, "imageTag", "1.0.0", "containerPort", 8080),
            "plinth:workloads.containerPort must equal plinth:edge.targetGroup.port (3000)"),
        Arguments.of(
            Map.of("containerPort", 80), "plinth:workloads.containerPort must be between 1024"),
        Arguments.of(Map.of("namespace", "App"), "plinth:workloads.namespace must be a DNS label"),
        Arguments.of(
            Map.of("repository", "app-web"),
            "plinth:workloads.repository must be one of plinth:cluster.repositories"),
        Arguments.of(Map.of("runAsUser", 0), "plinth:workloads.runAsUser must be a non-root user"),
        Arguments.of(
            Map.of("minReplicas", 3, "maxReplicas", 2),
            "plinth:workloads.maxReplicas must be at least plinth:workloads.minReplicas (3)"),
        Arguments.of(
            Map.of("resources", Map.of("cpuLimit", "two")),
            "plinth:workloads.resources.cpuLimit must be a Kubernetes quantity"),
        Arguments.of(
            Map.of("resources", Map.of("memoryRequest", "4Gi")),
            "plinth:workloads.resources.memoryRequest must be at most"
                + " plinth:workloads.resources.memoryLimit"),
        Arguments.of(Map.of("maxReplicas", 8), "plinth:workloads.quota.limitsCpu must hold 9 pods"),
        Arguments.of(
            Map.of("liveness", Map.of("timeoutSeconds", 20)),
            "plinth:workloads.liveness.timeoutSeconds must be between 1 and the period (10)"),
        Arguments.of(
            Map.of("autoscaling", Map.of("scaleDownStabilizationSeconds", 7200)),
            "plinth:workloads.autoscaling.scaleDownStabilizationSeconds must be between 0 and"
                + " 3600"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badWorkloads")
  void aBadWorkloadIsRefusedBeforeAnythingIsRegistered(
      Map<String, Object> workloads, String message) {
    ConfigException error =
        catchThrowableOfType(
            () -> Plans.config("dev", Map.of("plinth:workloads", workloads)),
            ConfigException.class);

    assertThat(error).as("configuration %s", workloads).isNotNull();
    assertThat(error.problems().stream().map(ConfigProblem::message))
        .anySatisfy(m -> assertThat(m).startsWith(message).contains("(got "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theNamespaceAsksTheControllerForPodReadinessGates(String env) {
    RecordedResource ns = Plans.ofStack(env).get(NAMESPACE, env + "-app-namespace");

    assertThat(
            ns.input("metadata.labels")
                .orElseThrow()
                .path("elbv2.k8s.aws/pod-readiness-gate-inject")
                .asText(""))
        .as("readiness gate label of %s", ns)
        .isEqualTo("enabled");
  }

  @Test
  void theDeploymentsPodsAreCreatedOnlyOnceTheirTargetGroupBindingExists() {
    ResourceGraph plan = Plans.ofStack("prod");
    RecordedResource deployment = plan.get(DEPLOYMENT, "prod-app-deployment");
    String binding = plan.get(TargetGroupBinding.TYPE, "prod-app-target-group-binding").urn();

    assertThat(deployment.dependencies()).as("dependencies of %s", deployment).contains(binding);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void stoppingPodsServeThroughTheTargetGroupsDeregistrationDelayAndThenShutDown(String env) {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource deployment = plan.get(DEPLOYMENT, env + "-app-deployment");
    int delay =
        plan.get("aws:lb/targetGroup:TargetGroup", env + "-edge-lb-app-tg")
            .input("deregistrationDelay")
            .orElseThrow()
            .asInt();
    JsonNode pod = deployment.input("spec.template.spec").orElseThrow();
    JsonNode sleep = container(deployment).at("/lifecycle/preStop/sleep/seconds");

    assertThat(delay).isEqualTo(30);
    assertThat(sleep.isNumber()).as("preStop sleep of %s", deployment).isTrue();
    assertThat(sleep.asInt()).as("preStop sleep of %s", deployment).isGreaterThan(delay);
    assertThat(pod.path("terminationGracePeriodSeconds").asInt())
        .as("grace period of %s: the sleep, then 30 s to shut down", deployment)
        .isEqualTo(sleep.asInt() + 30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theClusterAutoscalerMayEvictThePodDespiteItsTmpEmptyDir(String env) {
    RecordedResource deployment = Plans.ofStack(env).get(DEPLOYMENT, env + "-app-deployment");
    List<String> emptyDirs =
        deployment
            .input("spec.template.spec.volumes")
            .orElseThrow()
            .findParents("emptyDir")
            .stream()
            .map(v -> v.get("name").asText())
            .toList();
    String annotation =
        deployment
            .input("spec.template.metadata.annotations")
            .orElseThrow()
            .path("cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes")
            .asText("");

    assertThat(emptyDirs).containsExactly("tmp");
    assertThat(List.of(annotation.split(",")))
        .as("volumes %s may evict", deployment)
        .containsExactlyInAnyOrderElementsOf(emptyDirs);
  }
}
