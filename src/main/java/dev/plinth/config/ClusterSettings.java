package dev.plinth.config;

import java.util.List;
import java.util.Map;

/**
 * EKS, its node group and the container registry ({@code plinth:cluster}).
 *
 * @param version Kubernetes version: 1.35, in EKS standard support until 2027-03-27 (the policy
 *     pack's calendar, EksVersions, with its source; EKS-04 fails a version outside standard
 *     support on the day of the plan)
 * @param endpointPublicAccess the API endpoint on the internet as well as in the VPC: off by
 *     default everywhere; when on, only {@code publicAccessCidrs} reach it
 * @param publicAccessCidrs who may reach a public endpoint: required when it is on, never 0.0.0.0/0
 * @param privateAccessSecurityGroupIds security groups whose members may reach the private endpoint
 *     on 443, such as the self-hosted runner's (docs/deploy.md, step 5): none by default. EKS's
 *     cluster security group admits only itself, so without these or {@code privateAccessCidrs}
 *     nothing outside the cluster reaches a private endpoint
 * @param privateAccessCidrs networks that may reach the private endpoint on 443 (the runner's
 *     subnet, a VPN): none by default; never 0.0.0.0/0
 * @param adminPrincipalArns IAM roles or users granted cluster admin through access entries, and
 *     the only principals that are: the cluster creator gets no implicit access (EKS CreateCluster
 *     accessConfig.bootstrapClusterCreatorAdminPermissions false), so list every role that runs
 *     {@code pulumi up} or {@code pulumi preview}. Empty in the presets; {@code pulumi up} refuses
 *     an empty list
 * @param nodes the managed node group
 * @param addonVersions managed add-on versions by name (vpc-cni, coredns, kube-proxy,
 *     aws-ebs-csi-driver, eks-pod-identity-agent, amazon-cloudwatch-observability); an empty
 *     version takes EKS's default for the cluster version at creation, a version pins it. The
 *     CloudWatch observability add-on is installed only with {@code containerInsights}
 * @param containerInsights the Amazon CloudWatch Observability add-on (CloudWatch agent and Fluent
 *     Bit, with an IAM role for {@code amazon-cloudwatch/cloudwatch-agent}) and its encrypted
 *     {@code /aws/containerinsights/<cluster>/*} log groups: on by default everywhere (seed 000:
 *     metrics and logs; the seeds' Prometheus/ELK become CloudWatch with Container Insights). The
 *     node alarms and the dashboard's cluster widgets read its metrics; switch it off only where
 *     another agent ships them
 * @param repositories ECR repositories: app-api and app-worker (seed 003)
 * @param chartVersions Helm chart versions: metrics-server 3.12.2, cluster-autoscaler 9.55.1 (its
 *     image v1.35.0 is the cluster's minor), aws-load-balancer-controller 1.13.2 in every
 *     environment; compute.Charts lists the versions Plinth knows
 * @param scaleDownUnneededTime Cluster Autoscaler's scale-down delay: 10m (seed 003)
 */
public record ClusterSettings(
    String version,
    boolean endpointPublicAccess,
    List<String> publicAccessCidrs,
    List<String> privateAccessSecurityGroupIds,
    List<String> privateAccessCidrs,
    List<String> adminPrincipalArns,
    NodeGroupSettings nodes,
    Map<String, String> addonVersions,
    boolean containerInsights,
    List<String> repositories,
    Map<String, String> chartVersions,
    String scaleDownUnneededTime) {

  /**
   * These settings with the node group at zero nodes (minimum and starting size 0, maximum kept): a
   * pilot-light standby's cluster (docs/dr.md). EKS allows it: NodegroupScalingConfig minSize and
   * desiredSize have a minimum of 0, maxSize of 1 (botocore eks 2017-11-01).
   */
  public ClusterSettings withNodesAtZero() {
    NodeGroupSettings n = nodes;
    return new ClusterSettings(
        version,
        endpointPublicAccess,
        publicAccessCidrs,
        privateAccessSecurityGroupIds,
        privateAccessCidrs,
        adminPrincipalArns,
        new NodeGroupSettings(
            n.instanceTypes(),
            n.architecture(),
            n.capacityType(),
            0,
            n.maxSize(),
            0,
            n.diskGb(),
            n.labels(),
            n.taints()),
        addonVersions,
        containerInsights,
        repositories,
        chartVersions,
        scaleDownUnneededTime);
  }

  /**
   * The managed node group.
   *
   * @param instanceTypes t4g.medium in dev and staging (2 vCPU, 4 GB per node, Graviton: seed 003's
   *     staging t3.medium x 2, seed 001's staging 4 vCPU / 8 GB in all, at 19% less than t3.medium:
   *     issue 16's budgets), m6i.xlarge in prod (seed 001 medium: 3 app servers of 4 vCPU, 16 GB,
   *     t3.xlarge; m6i.xlarge is that size, not burstable; prod's preset is the medium tier, {@link
   *     dev.plinth.config.Tier}). Every type must match {@code architecture}
   * @param architecture the nodes' CPU architecture, which picks the EKS AMI type: {@code arm64}
   *     (AL2023_ARM_64_STANDARD) in dev and staging, where the nodes are Graviton, {@code x86_64}
   *     (AL2023_x86_64_STANDARD) in prod (botocore eks 2017-11-01 AMITypes). The application's
   *     image must be built for it (docker buildx --platform linux/arm64, or a multi-arch image)
   * @param capacityType SPOT in dev (seed 004: spot for non-critical workloads), ON_DEMAND
   *     elsewhere: staging keeps on-demand to mirror prod's capacity and meets its budget without
   *     spot
   * @param minSize 1 in dev (seed 001 development: a single server; one spot t4g.medium holds the
   *     add-ons and dev's one application replica, and the Cluster Autoscaler adds nodes up to
   *     maxSize when pods wait; PL-16 asks two nodes in prod only), 2 in staging (seeds 000, 003),
   *     3 in prod (seed 001 medium)
   * @param maxSize 4 in dev, 10 elsewhere (seeds 000, 001, 003)
   * @param desiredSize the starting size: the minimum (the cost estimate prices this many nodes)
   * @param diskGb encrypted gp3 root volume: 50 GB (seed 003 root volume)
   * @param labels node labels
   * @param taints node taints (none by default); effect NO_SCHEDULE, NO_EXECUTE or
   *     PREFER_NO_SCHEDULE
   */
  public record NodeGroupSettings(
      List<String> instanceTypes,
      Architecture architecture,
      CapacityType capacityType,
      int minSize,
      int maxSize,
      int desiredSize,
      int diskGb,
      Map<String, String> labels,
      List<Taint> taints) {}

  /**
   * The nodes' CPU architecture and the EKS-optimized Amazon Linux 2023 AMI type that goes with it
   * (botocore eks 2017-11-01, shape AMITypes).
   */
  public enum Architecture implements Keyed {
    X86_64("x86_64", "AL2023_x86_64_STANDARD"),
    ARM64("arm64", "AL2023_ARM_64_STANDARD");

    private final String key;
    private final String amiType;

    Architecture(String key, String amiType) {
      this.key = key;
      this.amiType = amiType;
    }

    @Override
    public String key() {
      return key;
    }

    /** The node group's {@code amiType} for this architecture. */
    public String amiType() {
      return amiType;
    }
  }

  /** A node taint. */
  public record Taint(String key, String value, String effect) {}

  /** On-demand or spot capacity. */
  public enum CapacityType implements Keyed {
    ON_DEMAND("ON_DEMAND"),
    SPOT("SPOT");

    private final String key;

    CapacityType(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** The CloudWatch observability add-on: Container Insights metrics and container logs. */
  public static final String CLOUDWATCH_ADDON = "amazon-cloudwatch-observability";

  /** The managed add-ons Plinth knows, in the order they are created. */
  public static final List<String> ADDONS =
      List.of(
          "vpc-cni",
          "coredns",
          "kube-proxy",
          "aws-ebs-csi-driver",
          "eks-pod-identity-agent",
          CLOUDWATCH_ADDON);

  public static ClusterSettings preset(Environment env) {
    Map<String, String> addons = new java.util.LinkedHashMap<>();
    ADDONS.forEach(a -> addons.put(a, ""));
    NodeGroupSettings nodes =
        switch (env) {
          case DEV ->
              new NodeGroupSettings(
                  List.of("t4g.medium"),
                  Architecture.ARM64,
                  CapacityType.SPOT,
                  1,
                  4,
                  1,
                  50,
                  Map.of("workload", "app"),
                  List.of());
          case STAGING ->
              new NodeGroupSettings(
                  List.of("t4g.medium"),
                  Architecture.ARM64,
                  CapacityType.ON_DEMAND,
                  2,
                  10,
                  2,
                  50,
                  Map.of("workload", "app"),
                  List.of());
          case PROD ->
              new NodeGroupSettings(
                  List.of("m6i.xlarge"),
                  Architecture.X86_64,
                  CapacityType.ON_DEMAND,
                  3,
                  10,
                  3,
                  50,
                  Map.of("workload", "app"),
                  List.of());
        };
    return new ClusterSettings(
        "1.35",
        false,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        nodes,
        java.util.Collections.unmodifiableMap(addons),
        true,
        List.of("app-api", "app-worker"),
        Map.of(
            "metrics-server", "3.12.2",
            "cluster-autoscaler", "9.55.1",
            "aws-load-balancer-controller", "1.13.2"),
        "10m");
  }
}
