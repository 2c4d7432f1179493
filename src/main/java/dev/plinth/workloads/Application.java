package dev.plinth.workloads;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.Component;
import dev.plinth.compute.ClusterAccess;
import dev.plinth.config.WorkloadSettings;
import dev.plinth.data.CacheConnection;
import dev.plinth.data.DatabaseConnection;
import dev.plinth.edge.TargetGroupRef;
import java.util.List;
import java.util.Map;

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

  private final Args args;
  private final Map<String, String> labels;
  private final Map<String, String> selector;
  private final Output<String> namespace;
  private final Output<String> roleArn;
  private final Output<String> image;

  public Application(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    this.args = args;
    WorkloadSettings s = args.settings();
    labels =
        Map.of(
            NAME_LABEL,
            s.name(),
            "app.kubernetes.io/part-of",
            "plinth",
            "app.kubernetes.io/managed-by",
            "pulumi",
            "plinth.dev/environment",
            args.environment());
    selector = Map.of(NAME_LABEL, s.name());

    var ns = ApplicationNamespace.namespace(this);
    namespace = ns.metadata().applyValue(m -> m.name().orElse(s.namespace()));
    var inNamespace = inCluster(List.of(ns));
    ApplicationNamespace.quotaAndLimits(this, inNamespace);

    var role = ApplicationIdentity.role(this);
    roleArn = role.arn();
    var serviceAccount = ApplicationIdentity.serviceAccount(this, role, inNamespace);
    var config = ApplicationConfiguration.configMap(this, inNamespace);

    var service = ApplicationService.service(this, inNamespace);
    var binding = ApplicationService.targetGroupBinding(this, service);

    image = args.imageRepositoryUrl().applyValue(url -> url + ":" + s.imageTag());
    var deployment =
        ApplicationDeployment.deployment(
            this,
            image,
            config,
            // The controller injects the readiness gate only into pods created once the binding
            // exists (pod_readiness_gate.md at v2.13.2: create the Service and binding first).
            List.of(serviceAccount, config, binding));

    if (args.settings().minReplicas() > 0) {
      // At zero (a pilot-light standby) no autoscaler: its minReplicas would start a pod.
      ApplicationScaling.autoscaler(this, deployment);
    }
    ApplicationScaling.disruptionBudget(this, inNamespace);

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

  /** What the application was given. */
  Args args() {
    return args;
  }

  /** The labels every object of the application carries. */
  Map<String, String> labels() {
    return labels;
  }

  /** The labels that select the application's pods. */
  Map<String, String> selector() {
    return selector;
  }

  /** A child's name: the application's name, a dash, the suffix. */
  String childName(String suffix) {
    return child(suffix);
  }

  /** Options for an AWS child (the IRSA role): parented here. */
  CustomResourceOptions awsOptions() {
    return childOptions();
  }

  /** An object's metadata: its name, in the application's namespace, with the common labels. */
  ObjectMetaArgs meta(String name) {
    return ObjectMetaArgs.builder()
        .name(name)
        .namespace(args.settings().namespace())
        .labels(labels)
        .build();
  }

  /** Options for a Kubernetes object: parented here, through the cluster's provider. */
  CustomResourceOptions inCluster() {
    return CustomResourceOptions.builder()
        .parent(this)
        .provider(args.cluster().kubernetes())
        .build();
  }

  /** Options for a Kubernetes object that also waits for {@code dependsOn}. */
  CustomResourceOptions inCluster(List<Resource> dependsOn) {
    return CustomResourceOptions.builder()
        .parent(this)
        .provider(args.cluster().kubernetes())
        .dependsOn(dependsOn)
        .build();
  }

  /** {@code resources} and what the cluster's objects wait for (its add-ons, its nodes). */
  List<Resource> afterCluster(Resource resource) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(resource), args.cluster().readyAfter().stream())
        .toList();
  }
}
