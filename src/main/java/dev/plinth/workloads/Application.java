package dev.plinth.workloads;

import static dev.plinth.Json.obj;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HPAScalingPolicyArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HPAScalingRulesArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerBehaviorArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapEnvSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvFromSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.compute.ClusterAccess;
import dev.plinth.compute.Irsa;
import dev.plinth.config.WorkloadSettings;
import dev.plinth.data.CacheConnection;
import dev.plinth.data.DatabaseConnection;
import dev.plinth.edge.TargetGroupRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application on the cluster, through the cluster's Kubernetes provider: a namespace under the
 * restricted Pod Security Standard with its quota and limits; a service account whose IAM role
 * (IRSA) may read exactly the database's and the cache's secrets; the Deployment; a Service, and a
 * TargetGroupBinding that registers its pods in the load balancer's target group; the autoscaler
 * and the disruption budget.
 *
 * <p>Credentials never enter a manifest: the ConfigMap carries endpoints and secret ARNs, and the
 * application reads the secrets from Secrets Manager with its role.
 */
public final class Application extends Component {
  public static final String TYPE = "plinth:workloads:Application";

  /** The Service's port; the TargetGroupBinding refers to it, pods listen on the container port. */
  static final int SERVICE_PORT = 80;

  static final String NAME_LABEL = "app.kubernetes.io/name";

  /**
   * The namespace label on which the Load Balancer Controller injects its pod readiness gate: a pod
   * turns Ready only once its target is healthy in the target group, so a rollout never leaves only
   * initial or draining targets (aws-load-balancer-controller docs/deploy/pod_readiness_gate.md at
   * v2.13.2; target type ip only, as here).
   */
  static final String READINESS_GATE_LABEL = "elbv2.k8s.aws/pod-readiness-gate-inject";

  /**
   * Lets the Cluster Autoscaler remove a node running the pod although it mounts the named local
   * volumes (kubernetes/autoscaler cluster-autoscaler/FAQ.md at cluster-autoscaler-chart-9.55.1,
   * "What types of pods can prevent CA from removing a node?"); /tmp holds nothing to keep.
   */
  static final String SAFE_TO_EVICT_LOCAL_VOLUMES =
      "cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes";

  /** The read-only root filesystem's only writable place. */
  static final String TMP_VOLUME = "tmp";

  /**
   * Seconds the pod keeps serving after it is asked to stop, beyond the target group's
   * deregistration delay: the time for the controller to see the endpoint go and deregister it.
   */
  static final int DEREGISTRATION_MARGIN_SECONDS = 5;

  /** Seconds the application has to shut down after its pre-stop sleep: Kubernetes' default. */
  static final int SHUTDOWN_SECONDS = 30;

  static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

  /**
   * What the application needs from the rest of the platform.
   *
   * @param cluster the cluster: its version (the namespace's Pod Security label), its OIDC identity
   *     (the application's IRSA role), its provider, and what must run before the objects that need
   *     it: the Load Balancer Controller (its webhook admits TargetGroupBindings) and
   *     metrics-server (the autoscaler reads it)
   * @param imageRepositoryUrl the ECR repository's URL, without a tag
   * @param targetGroup the load balancer's target group (target type ip); pods keep serving for its
   *     deregistration delay (and a margin) after they are asked to stop
   * @param database the database the application connects to, and the secret it reads
   * @param cache the cache the application connects to, and the AUTH token's secret
   */
  public record Args(
      WorkloadSettings settings,
      String environment,
      String region,
      ClusterAccess cluster,
      Output<String> imageRepositoryUrl,
      TargetGroupRef targetGroup,
      DatabaseConnection database,
      CacheConnection cache) {}

  private final Output<String> namespace;
  private final Output<String> roleArn;
  private final Output<String> image;

  public Application(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    WorkloadSettings s = args.settings();
    Map<String, String> labels =
        Map.of(
            NAME_LABEL,
            s.name(),
            "app.kubernetes.io/part-of",
            "plinth",
            "app.kubernetes.io/managed-by",
            "pulumi",
            "plinth.dev/environment",
            args.environment());
    Map<String, String> selector = Map.of(NAME_LABEL, s.name());

    var ns =
        new Namespace(
            child("namespace"),
            NamespaceArgs.builder()
                .metadata(
                    ObjectMetaArgs.builder()
                        .name(s.namespace())
                        .labels(
                            with(
                                labels,
                                Map.of(
                                    "pod-security.kubernetes.io/enforce",
                                    "restricted",
                                    "pod-security.kubernetes.io/enforce-version",
                                    "v" + args.cluster().version(),
                                    READINESS_GATE_LABEL,
                                    "enabled")))
                        .build())
                .build(),
            inCluster(args));
    namespace = ns.metadata().applyValue(m -> m.name().orElse(s.namespace()));
    var inNamespace = inCluster(args, List.of(ns));

    quota(s, labels, inNamespace);

    var role =
        Irsa.withPolicy(
            child("role"),
            String.format(
                "IRSA for %s/%s: reads its database and cache secrets", s.namespace(), s.name()),
            args.cluster().oidcProviderArn(),
            args.cluster().oidcIssuer(),
            s.namespace(),
            s.name(),
            Output.tuple(
                    args.database().credentials().arn(),
                    args.database().credentials().keyArn(),
                    args.cache().authToken().arn(),
                    args.cache().authToken().keyArn())
                .applyValue(t -> secretsPolicy(t.t1, t.t2, t.t3, t.t4, args.region())),
            childOptions());
    roleArn = role.arn();

    var serviceAccount =
        new ServiceAccount(
            child("service-account"),
            ServiceAccountArgs.builder()
                .metadata(
                    ObjectMetaArgs.builder()
                        .name(s.name())
                        .namespace(s.namespace())
                        .labels(labels)
                        .annotations(
                            role.arn()
                                .applyValue(
                                    arn ->
                                        Map.of(
                                            ROLE_ANNOTATION,
                                            arn,
                                            "eks.amazonaws.com/sts-regional-endpoints",
                                            "true")))
                        .build())
                .build(),
            inNamespace);

    Output<Map<String, String>> settings =
        Output.tuple(
                args.database().address(),
                args.database().credentials().arn(),
                args.cache().endpoint(),
                args.cache().authToken().arn())
            .applyValue(t -> environment(args, t.t1, t.t2, t.t3, t.t4));
    var config =
        new ConfigMap(
            child("config"),
            ConfigMapArgs.builder()
                .metadata(
                    ObjectMetaArgs.builder()
                        .name(settings.applyValue(d -> s.name() + "-" + digest(d)))
                        .namespace(s.namespace())
                        .labels(labels)
                        .build())
                .data(settings)
                .immutable(true)
                .build(),
            inNamespace);

    var service =
        new Service(
            child("service"),
            ServiceArgs.builder()
                .metadata(meta(s.name(), s, labels))
                .spec(
                    ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(selector)
                        .ports(
                            ServicePortArgs.builder()
                                .name("http")
                                .protocol("TCP")
                                .port(SERVICE_PORT)
                                .targetPort("http")
                                .build())
                        .build())
                .build(),
            inNamespace);

    var binding =
        new TargetGroupBinding(
            child("target-group-binding"),
            new TargetGroupBinding.Args(
                meta(s.name(), s, labels),
                new TargetGroupBinding.Spec(
                    args.targetGroup().arn(),
                    "ip",
                    new TargetGroupBinding.ServiceReference(s.name(), SERVICE_PORT))),
            inCluster(args, concat(List.of(service), args.cluster().readyAfter())));

    image = args.imageRepositoryUrl().applyValue(url -> url + ":" + s.imageTag());
    var deployment =
        new Deployment(
            child("deployment"),
            DeploymentArgs.builder()
                .metadata(meta(s.name(), s, labels))
                .spec(
                    DeploymentSpecArgs.builder()
                        // No replicas: the autoscaler owns the count; Kubernetes starts one pod
                        // and the autoscaler raises it to the floor within its sync period.
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .revisionHistoryLimit(10)
                        .strategy(
                            DeploymentStrategyArgs.builder()
                                .type("RollingUpdate")
                                .rollingUpdate(
                                    RollingUpdateDeploymentArgs.builder()
                                        .maxUnavailable(0)
                                        .maxSurge(1)
                                        .build())
                                .build())
                        .template(
                            PodTemplateSpecArgs.builder()
                                .metadata(
                                    ObjectMetaArgs.builder()
                                        .labels(labels)
                                        .annotations(
                                            Map.of(SAFE_TO_EVICT_LOCAL_VOLUMES, TMP_VOLUME))
                                        .build())
                                .spec(
                                    podSpec(
                                        s,
                                        selector,
                                        image,
                                        config.metadata().applyValue(m -> m.name().orElseThrow()),
                                        args.targetGroup().deregistrationDelaySeconds()))
                                .build())
                        .build())
                .build(),
            // The controller injects the readiness gate only into pods created once the binding
            // exists (pod_readiness_gate.md at v2.13.2: create the Service and binding first).
            inCluster(args, List.of(serviceAccount, config, binding)));

    var a = s.autoscaling();
    new HorizontalPodAutoscaler(
        child("autoscaler"),
        HorizontalPodAutoscalerArgs.builder()
            .metadata(meta(s.name(), s, labels))
            .spec(
                HorizontalPodAutoscalerSpecArgs.builder()
                    .scaleTargetRef(
                        CrossVersionObjectReferenceArgs.builder()
                            .apiVersion("apps/v1")
                            .kind("Deployment")
                            .name(s.name())
                            .build())
                    .minReplicas(s.minReplicas())
                    .maxReplicas(s.maxReplicas())
                    .metrics(
                        utilisation("cpu", a.cpuPercent()),
                        utilisation("memory", a.memoryPercent()))
                    .behavior(
                        HorizontalPodAutoscalerBehaviorArgs.builder()
                            .scaleUp(
                                HPAScalingRulesArgs.builder()
                                    .stabilizationWindowSeconds(0)
                                    .selectPolicy("Max")
                                    .policies(
                                        HPAScalingPolicyArgs.builder()
                                            .type("Pods")
                                            .value(a.scaleUpPods())
                                            .periodSeconds(a.scaleUpPeriodSeconds())
                                            .build())
                                    .build())
                            .scaleDown(
                                HPAScalingRulesArgs.builder()
                                    .stabilizationWindowSeconds(a.scaleDownStabilizationSeconds())
                                    .selectPolicy("Max")
                                    .policies(
                                        HPAScalingPolicyArgs.builder()
                                            .type("Pods")
                                            .value(a.scaleDownPods())
                                            .periodSeconds(a.scaleDownPeriodSeconds())
                                            .build())
                                    .build())
                            .build())
                    .build())
            .build(),
        inCluster(args, concat(List.of(deployment), args.cluster().readyAfter())));

    new PodDisruptionBudget(
        child("disruption-budget"),
        PodDisruptionBudgetArgs.builder()
            .metadata(meta(s.name(), s, labels))
            .spec(
                PodDisruptionBudgetSpecArgs.builder()
                    .maxUnavailable(s.maxUnavailable())
                    .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                    .build())
            .build(),
        inNamespace);

    registerOutputs(Map.of("namespace", namespace, "roleArn", roleArn, "image", image));
  }

  /** The namespace the application runs in. */
  public Output<String> namespace() {
    return namespace;
  }

  /** The IAM role its service account assumes. */
  public Output<String> roleArn() {
    return roleArn;
  }

  /** The image it runs: the repository URL and the tag. */
  public Output<String> image() {
    return image;
  }

  private void quota(
      WorkloadSettings s, Map<String, String> labels, CustomResourceOptions inNamespace) {
    var q = s.quota();
    var r = s.resources();
    new ResourceQuota(
        child("quota"),
        ResourceQuotaArgs.builder()
            .metadata(meta("quota", s, labels))
            .spec(
                ResourceQuotaSpecArgs.builder()
                    .hard(
                        Map.of(
                            "requests.cpu", q.requestsCpu(),
                            "requests.memory", q.requestsMemory(),
                            "limits.cpu", q.limitsCpu(),
                            "limits.memory", q.limitsMemory(),
                            "persistentvolumeclaims", String.valueOf(q.persistentVolumeClaims())))
                    .build())
            .build(),
        inNamespace);
    new LimitRange(
        child("limits"),
        LimitRangeArgs.builder()
            .metadata(meta("limits", s, labels))
            .spec(
                LimitRangeSpecArgs.builder()
                    .limits(
                        LimitRangeItemArgs.builder()
                            .type("Container")
                            .defaultRequest(
                                Map.of("cpu", r.cpuRequest(), "memory", r.memoryRequest()))
                            .default_(Map.of("cpu", r.cpuLimit(), "memory", r.memoryLimit()))
                            .max(
                                Map.of(
                                    "cpu", q.containerMaxCpu(), "memory", q.containerMaxMemory()))
                            .build())
                    .build())
            .build(),
        inNamespace);
  }

  private static PodSpecArgs podSpec(
      WorkloadSettings s,
      Map<String, String> selector,
      Output<String> image,
      Output<String> configMapName,
      int deregistrationDelaySeconds) {
    var r = s.resources();
    int preStop = preStopSeconds(deregistrationDelaySeconds);
    return PodSpecArgs.builder()
        // The pre-stop sleep counts against the grace period: the application keeps its 30 s
        // after SIGTERM.
        .terminationGracePeriodSeconds(preStop + SHUTDOWN_SECONDS)
        .serviceAccountName(s.name())
        // The service-account token stays mounted: EKS's IRSA webhook has been seen to leave pods
        // without their web identity when it is off. No RBAC binding names the service account.
        .securityContext(
            PodSecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser(s.runAsUser())
                .runAsGroup(s.runAsUser())
                .fsGroup(s.runAsUser())
                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                .build())
        .topologySpreadConstraints(
            spread("topology.kubernetes.io/zone", selector),
            spread("kubernetes.io/hostname", selector))
        .containers(
            ContainerArgs.builder()
                .name(s.name())
                .image(image)
                .imagePullPolicy("IfNotPresent")
                .ports(
                    ContainerPortArgs.builder()
                        .name("http")
                        .containerPort(s.containerPort())
                        .protocol("TCP")
                        .build())
                .envFrom(
                    EnvFromSourceArgs.builder()
                        .configMapRef(ConfigMapEnvSourceArgs.builder().name(configMapName).build())
                        .build())
                .resources(
                    ResourceRequirementsArgs.builder()
                        .requests(Map.of("cpu", r.cpuRequest(), "memory", r.memoryRequest()))
                        .limits(Map.of("cpu", r.cpuLimit(), "memory", r.memoryLimit()))
                        .build())
                .lifecycle(new PreStopSleep(preStop).asLifecycle())
                .livenessProbe(probe(s.liveness()))
                .readinessProbe(probe(s.readiness()))
                .securityContext(
                    SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .privileged(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(VolumeMountArgs.builder().name(TMP_VOLUME).mountPath("/tmp").build())
                .build())
        // The root filesystem is read-only: /tmp is a size-limited emptyDir on the node's disk.
        .volumes(
            VolumeArgs.builder()
                .name(TMP_VOLUME)
                .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("256Mi").build())
                .build())
        .build();
  }

  /**
   * How long a stopping pod keeps serving: while the endpoint goes, the controller deregisters the
   * target and the load balancer drains it for the deregistration delay (edge target group).
   */
  static int preStopSeconds(int deregistrationDelaySeconds) {
    return deregistrationDelaySeconds + DEREGISTRATION_MARGIN_SECONDS;
  }

  private static ProbeArgs probe(WorkloadSettings.Probe p) {
    return ProbeArgs.builder()
        .httpGet(HTTPGetActionArgs.builder().path(p.path()).port("http").build())
        .initialDelaySeconds(p.initialDelaySeconds())
        .periodSeconds(p.periodSeconds())
        .timeoutSeconds(p.timeoutSeconds())
        .failureThreshold(p.failureThreshold())
        .build();
  }

  private static TopologySpreadConstraintArgs spread(String key, Map<String, String> selector) {
    return TopologySpreadConstraintArgs.builder()
        .topologyKey(key)
        .maxSkew(1)
        .whenUnsatisfiable("ScheduleAnyway")
        .labelSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
        .build();
  }

  private static MetricSpecArgs utilisation(String resource, int percent) {
    return MetricSpecArgs.builder()
        .type("Resource")
        .resource(
            ResourceMetricSourceArgs.builder()
                .name(resource)
                .target(
                    MetricTargetArgs.builder()
                        .type("Utilization")
                        .averageUtilization(percent)
                        .build())
                .build())
        .build();
  }

  /** The application's settings: endpoints, ports and the ARNs of its secrets; no credential. */
  static Map<String, String> environment(
      Args args, String dbHost, String dbSecretArn, String cacheHost, String cacheSecretArn) {
    Map<String, String> env = new TreeMap<>();
    env.put("APP_ENV", args.environment());
    env.put("AWS_REGION", args.region());
    env.put("PORT", String.valueOf(args.settings().containerPort()));
    env.put("DATABASE_HOST", dbHost);
    env.put("DATABASE_PORT", String.valueOf(args.database().port()));
    env.put("DATABASE_NAME", args.database().databaseName());
    env.put("DATABASE_SSLMODE", "verify-full");
    env.put("DATABASE_SECRET_ARN", dbSecretArn);
    env.put("REDIS_HOST", cacheHost);
    env.put("REDIS_PORT", String.valueOf(args.cache().port()));
    env.put("REDIS_TLS", "true");
    env.put("REDIS_CLUSTER_MODE", "true");
    env.put("REDIS_AUTH_SECRET_ARN", cacheSecretArn);
    return env;
  }

  /**
   * Read exactly the two secrets, and decrypt with the secrets key only through Secrets Manager in
   * this region.
   */
  static String secretsPolicy(
      String databaseSecretArn,
      String databaseKeyArn,
      String cacheSecretArn,
      String cacheKeyArn,
      String region) {
    // Both secrets are under the secrets key today: one resource then, both if they ever differ.
    List<String> keys = java.util.stream.Stream.of(databaseKeyArn, cacheKeyArn).distinct().toList();
    return Json.policy(
        obj(
            "Sid",
            "ReadDatabaseAndCacheSecrets",
            "Effect",
            "Allow",
            "Action",
            List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
            "Resource",
            List.of(databaseSecretArn, cacheSecretArn)),
        obj(
            "Sid",
            "DecryptThroughSecretsManager",
            "Effect",
            "Allow",
            "Action",
            "kms:Decrypt",
            "Resource",
            keys.size() == 1 ? keys.get(0) : keys,
            "Condition",
            obj(
                "StringEquals",
                obj("kms:ViaService", "secretsmanager." + region + ".amazonaws.com"))));
  }

  /** A short digest of the settings, so that a change makes a new ConfigMap and a rollout. */
  static String digest(Map<String, String> data) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.write(new TreeMap<>(data)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An object's metadata: its name, in the application's namespace, with the common labels. */
  private static ObjectMetaArgs meta(String name, WorkloadSettings s, Map<String, String> labels) {
    return ObjectMetaArgs.builder().name(name).namespace(s.namespace()).labels(labels).build();
  }

  private CustomResourceOptions inCluster(Args args) {
    return CustomResourceOptions.builder()
        .parent(this)
        .provider(args.cluster().kubernetes())
        .build();
  }

  private CustomResourceOptions inCluster(Args args, List<Resource> dependsOn) {
    return CustomResourceOptions.builder()
        .parent(this)
        .provider(args.cluster().kubernetes())
        .dependsOn(dependsOn)
        .build();
  }

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new TreeMap<>(a);
    all.putAll(b);
    return all;
  }

  private static List<Resource> concat(List<Resource> a, List<Resource> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
