package dev.plinth.compute;

import static dev.plinth.Json.obj;

import com.pulumi.aws.autoscaling.Tag;
import com.pulumi.aws.autoscaling.TagArgs;
import com.pulumi.aws.autoscaling.inputs.TagTagArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.ClusterSettings;
import dev.plinth.config.ClusterSettings.NodeGroupSettings;
import dev.plinth.config.Environment;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.KeyRing;
import dev.plinth.keys.LogStorage;
import dev.plinth.network.AppTier;
import dev.plinth.network.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EKS: the control plane in the private subnets (secrets encrypted with the cluster key, all five
 * log types into an encrypted log group, access entries for the configured admins, an OIDC provider
 * for IAM roles for service accounts), the managed add-ons, a managed node group on a launch
 * template (IMDSv2 only, encrypted gp3 root volume, no SSH) whose Auto Scaling group carries the
 * Cluster Autoscaler's discovery tags, and a Pulumi Kubernetes provider for the workloads. With
 * Container Insights on, the CloudWatch observability add-on runs with its own IAM role, after its
 * log groups exist encrypted and with their retention.
 *
 * <p>Order, for {@code pulumi up} and, reversed, {@code pulumi destroy}: the roles' policy
 * attachments before the cluster and the node group (so that a destroy removes the permissions
 * after EKS has deleted the instances and network interfaces), the node group before the Kubernetes
 * provider (so that every Kubernetes object and Helm release is created once nodes run, and deleted
 * while nodes, and the controllers that remove finalizers, still run).
 */
public final class Cluster extends Component {
  public static final String TYPE = "plinth:compute:Cluster";

  /** All five control-plane log types. */
  static final List<String> LOG_TYPES =
      List.of("api", "audit", "authenticator", "controllerManager", "scheduler");

  /**
   * The log groups the CloudWatch observability add-on writes to, under {@code
   * /aws/containerinsights/<cluster>/}: Fluent Bit's container logs ({@code application}), kubelet
   * and container runtime logs ({@code dataplane}), node logs ({@code host}) and the agent's
   * performance events, from which CloudWatch extracts the Container Insights metrics.
   */
  static final List<String> INSIGHTS_LOG_GROUPS =
      List.of("application", "dataplane", "host", "performance");

  /** The service account the add-on's CloudWatch agent and Fluent Bit run as. */
  static final String CLOUDWATCH_NAMESPACE = "amazon-cloudwatch";

  static final String CLOUDWATCH_SA = "cloudwatch-agent";

  public record Args(
      ClusterSettings settings,
      Environment environment,
      Placement privateTier,
      AppTier appTier,
      KeyRing keys,
      LogStorage logs,
      Map<String, String> tags,
      AwsContext aws) {}

  private final com.pulumi.aws.eks.Cluster cluster;
  private final String version;
  private final OpenIdConnectProvider oidc;
  private final Output<String> kubeconfig;
  private final Provider kubernetes;
  private final String clusterName;
  private NodeGroup nodes;
  private NodeGroupSettings nodeSettings;

  public Cluster(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    version = args.settings().version();
    ClusterSettings s = args.settings();
    clusterName = args.aws().name("");

    cluster = controlPlane(args);
    List<Resource> apiAccess = apiAccess(s);
    oidc = oidcProvider();
    List<Addon> addons = managedAddons(args);
    var nodes = nodeGroup(args, s.nodes());
    kubeconfig =
        Output.tuple(cluster.endpoint(), cluster.certificateAuthority())
            .applyValue(
                t -> kubeconfig(clusterName, args.aws().region(), t.t1, t.t2.data().orElse("")))
            .asSecret();
    kubernetes = kubernetesProvider(waitsFor(apiAccess, waitsFor(addons, nodes)));
    registerOutputs(
        Map.of(
            "clusterName", cluster.name(),
            "endpoint", cluster.endpoint(),
            "oidcProviderArn", oidc.arn()));
  }

  /**
   * The control plane: its service role, its log group, and the EKS cluster in the private subnets,
   * secrets encrypted with the cluster key, access only through access entries.
   */
  private com.pulumi.aws.eks.Cluster controlPlane(Args args) {
    ClusterSettings s = args.settings();
    var role = serviceRole("role", "eks.amazonaws.com", List.of("AmazonEKSClusterPolicy"));
    var logs =
        new LogGroup(
            child("logs"),
            LogGroupArgs.builder()
                .name("/aws/eks/" + clusterName + "/cluster")
                .retentionInDays(args.logs().retentionDays())
                .kmsKeyId(args.logs().keyArn())
                .build(),
            childOptions());
    var vpc =
        ClusterVpcConfigArgs.builder()
            .subnetIds(args.privateTier().subnetIds())
            .endpointPrivateAccess(true)
            .endpointPublicAccess(s.endpointPublicAccess());
    if (s.endpointPublicAccess() && !s.publicAccessCidrs().isEmpty()) {
      vpc.publicAccessCidrs(s.publicAccessCidrs());
    }
    return new com.pulumi.aws.eks.Cluster(
        child("eks"),
        ClusterArgs.builder()
            .name(clusterName)
            .version(s.version())
            .roleArn(role.role().arn())
            .vpcConfig(vpc.build())
            .encryptionConfig(
                ClusterEncryptionConfigArgs.builder()
                    .resources("secrets")
                    .provider(
                        ClusterEncryptionConfigProviderArgs.builder()
                            .keyArn(args.keys().arn(KeyDomain.CLUSTER))
                            .build())
                    .build())
            .enabledClusterLogTypes(LOG_TYPES)
            // Only the listed admins, each through one access entry. EKS CreateCluster
            // accessConfig.bootstrapClusterCreatorAdminPermissions (default true) would add an
            // entry for the creator, and CreateAccessEntry refuses a second entry for the same
            // principal ("You can't specify the same ARN in more than one access entry":
            // ResourceInUseException, 409) when the deploying role is also listed
            // (docs/deploy.md, step 4). botocore eks 2017-11-01. The setting exists only at
            // creation (UpdateAccessConfig carries authenticationMode alone): changing it
            // replaces the cluster.
            .accessConfig(
                ClusterAccessConfigArgs.builder()
                    .authenticationMode("API")
                    .bootstrapClusterCreatorAdminPermissions(false)
                    .build())
            .build(),
        CustomResourceOptions.builder()
            .parent(this)
            .protect(args.environment().isProduction())
            .dependsOn(waitsFor(role.attachments(), logs))
            .build());
  }

  /**
   * What lets the deployer (and its runner) reach the API: HTTPS from the private-access groups and
   * networks, and an access entry with the cluster-admin policy for each admin principal.
   */
  private List<Resource> apiAccess(ClusterSettings s) {
    // What lets the deployer (and its runner) reach the API. The Kubernetes provider waits for all
    // of it, so a destroy deletes every Kubernetes object and Helm release before it takes away the
    // access those deletions go through.
    List<Resource> apiAccess = new ArrayList<>(privateAccess(s));
    for (String principal : s.adminPrincipalArns()) {
      // Named after the principal, not its place in the list: eks 2017-11-01 CreateAccessEntry,
      // principalArn: "This value can't be changed after access entry creation" and "You can't
      // specify the same ARN in more than one access entry". Named by index, a reordered list
      // would replace entries, creating the new one first, which EKS refuses (409).
      String suffix = "admin-" + shortHash(principal);
      var entry =
          new AccessEntry(
              child(suffix),
              AccessEntryArgs.builder().clusterName(cluster.name()).principalArn(principal).build(),
              childOptions());
      var association =
          new AccessPolicyAssociation(
              child(suffix + "-policy"),
              AccessPolicyAssociationArgs.builder()
                  .clusterName(cluster.name())
                  .principalArn(entry.principalArn())
                  .policyArn("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy")
                  .accessScope(
                      AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                  .build(),
              childOptions());
      apiAccess.add(entry);
      apiAccess.add(association);
    }
    return apiAccess;
  }

  /** The IAM OIDC provider of the cluster's issuer, which IRSA roles trust. */
  private OpenIdConnectProvider oidcProvider() {
    Output<String> issuer =
        cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
    return new OpenIdConnectProvider(
        child("oidc"),
        OpenIdConnectProviderArgs.builder().url(issuer).clientIdLists("sts.amazonaws.com").build(),
        childOptions());
  }

  /**
   * The EKS managed add-ons at their pinned versions: the EBS CSI driver with its IRSA role and,
   * with Container Insights on, the CloudWatch observability add-on with its role, after its log
   * groups.
   */
  private List<Addon> managedAddons(Args args) {
    ClusterSettings s = args.settings();
    var ebsRole =
        Irsa.role(
            this,
            child("ebs-csi-role"),
            oidc,
            "kube-system",
            "ebs-csi-controller-sa",
            List.of("service-role/AmazonEBSCSIDriverPolicy"));
    List<LogGroup> insightsLogs =
        s.containerInsights() ? insightsLogGroups(args) : List.<LogGroup>of();
    var cloudwatchRole =
        s.containerInsights()
            ? Irsa.role(
                this,
                child("cloudwatch-agent-role"),
                oidc,
                CLOUDWATCH_NAMESPACE,
                CLOUDWATCH_SA,
                // EKS User Guide, Amazon CloudWatch Observability agent, Required IAM permissions.
                List.of("CloudWatchAgentServerPolicy", "AWSXrayWriteOnlyAccess"))
            : null;
    List<Addon> addons = new ArrayList<>();
    s.addonVersions()
        .forEach(
            (addon, version) -> {
              boolean cloudwatch = addon.equals(ClusterSettings.CLOUDWATCH_ADDON);
              if (cloudwatch && !s.containerInsights()) {
                return;
              }
              var addonArgs =
                  AddonArgs.builder()
                      .clusterName(cluster.name())
                      .addonName(addon)
                      .resolveConflictsOnCreate("OVERWRITE")
                      .resolveConflictsOnUpdate("OVERWRITE");
              if (!version.isBlank()) {
                addonArgs.addonVersion(version);
              }
              if (addon.equals("aws-ebs-csi-driver")) {
                addonArgs.serviceAccountRoleArn(ebsRole.arn());
              }
              List<Resource> waitFor = List.of();
              if (cloudwatch) {
                addonArgs.serviceAccountRoleArn(cloudwatchRole.arn());
                // Fluent Bit creates a missing log group itself, unencrypted and kept forever.
                waitFor = List.copyOf(insightsLogs);
              }
              addons.add(new Addon(child(addon), addonArgs.build(), childOptions(waitFor)));
            });
    return addons;
  }

  /**
   * The Kubernetes provider the workloads deploy through, with the kubeconfig; it waits for {@code
   * ready} (API access, managed add-ons, nodes).
   */
  private Provider kubernetesProvider(List<Resource> ready) {
    return new Provider(
        child("k8s"),
        ProviderArgs.builder().kubeconfig(kubeconfig).enableServerSideApply(true).build(),
        CustomResourceOptions.builder().parent(this).dependsOn(ready).build());
  }

  /** {@code resources} and {@code more}, as a dependsOn list. */
  private static List<Resource> waitsFor(List<? extends Resource> resources, Resource more) {
    List<Resource> waitFor = new ArrayList<>(resources);
    waitFor.add(more);
    return waitFor;
  }

  /** {@code resources} and {@code more}, as a dependsOn list. */
  private static List<Resource> waitsFor(List<? extends Resource> resources, List<Resource> more) {
    List<Resource> waitFor = new ArrayList<>(resources);
    waitFor.addAll(more);
    return waitFor;
  }

  /** A short, stable name part for a value whose characters do not suit a resource name. */
  static String shortHash(String value) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * HTTPS to the API endpoint from {@code privateAccessSecurityGroupIds} and {@code
   * privateAccessCidrs}, on the cluster security group EKS creates: that group admits only itself
   * (EKS User Guide, "View Amazon EKS security group requirements for clusters", default rules),
   * and a private endpoint is reached through it ("Control network access to cluster API server
   * endpoint": the control plane security group must allow ingress on port 443 from the connected
   * network, bastion or IDE; awsdocs/amazon-eks-user-guide, read 2026-12-02). Rules on the existing
   * group, rather than an extra group in vpcConfig.securityGroupIds, so that adding a runner later
   * changes no cluster setting.
   */
  private List<Resource> privateAccess(ClusterSettings s) {
    List<Resource> rules = new ArrayList<>();
    Output<String> clusterSecurityGroup =
        cluster.vpcConfig().applyValue(v -> v.clusterSecurityGroupId().orElse(""));
    for (String group : s.privateAccessSecurityGroupIds()) {
      // Named after what they admit, not their place in the list, so a reorder replaces nothing.
      String suffix = "api-from-" + group;
      rules.add(
          new SecurityGroupIngressRule(
              child(suffix),
              SecurityGroupIngressRuleArgs.builder()
                  .securityGroupId(clusterSecurityGroup)
                  .description("Kubernetes API (HTTPS) from " + group)
                  .ipProtocol("tcp")
                  .fromPort(443)
                  .toPort(443)
                  .referencedSecurityGroupId(group)
                  .tags(Map.of("Name", child(suffix)))
                  .build(),
              childOptions()));
    }
    for (String cidr : s.privateAccessCidrs()) {
      String suffix = "api-from-" + cidr.replaceAll("[./]", "-");
      rules.add(
          new SecurityGroupIngressRule(
              child(suffix),
              SecurityGroupIngressRuleArgs.builder()
                  .securityGroupId(clusterSecurityGroup)
                  .description("Kubernetes API (HTTPS) from " + cidr)
                  .ipProtocol("tcp")
                  .fromPort(443)
                  .toPort(443)
                  .cidrIpv4(cidr)
                  .tags(Map.of("Name", child(suffix)))
                  .build(),
              childOptions()));
    }
    return rules;
  }

  /**
   * The add-on's log groups, made before it runs: the application's container logs kept {@code
   * applicationLogRetentionDays}, the others {@code logRetentionDays}; all with the logs key.
   */
  private List<LogGroup> insightsLogGroups(Args args) {
    List<LogGroup> groups = new ArrayList<>();
    for (String kind : INSIGHTS_LOG_GROUPS) {
      int days =
          kind.equals("application")
              ? args.logs().applicationRetentionDays()
              : args.logs().retentionDays();
      groups.add(
          new LogGroup(
              child("insights-" + kind),
              LogGroupArgs.builder()
                  .name(insightsLogGroupName(clusterName, kind))
                  .retentionInDays(days)
                  .kmsKeyId(args.logs().keyArn())
                  .build(),
              childOptions()));
    }
    return groups;
  }

  /** {@code /aws/containerinsights/<cluster>/<kind>}, where the add-on's agents write. */
  static String insightsLogGroupName(String cluster, String kind) {
    return "/aws/containerinsights/" + cluster + "/" + kind;
  }

  private NodeGroup nodeGroup(Args args, NodeGroupSettings n) {
    var nodeRole =
        serviceRole(
            "node-role",
            "ec2.amazonaws.com",
            List.of(
                "AmazonEKSWorkerNodePolicy",
                "AmazonEC2ContainerRegistryReadOnly",
                "AmazonEKS_CNI_Policy"));
    var template = launchTemplate(args, n);
    var group =
        new NodeGroup(
            child("nodes"),
            NodeGroupArgs.builder()
                .clusterName(cluster.name())
                .nodeRoleArn(nodeRole.role().arn())
                .subnetIds(args.privateTier().subnetIds())
                .instanceTypes(n.instanceTypes())
                // The architecture's EKS-optimized AL2023 AMI (botocore eks 2017-11-01
                // CreateNodegroup amiType, shape AMITypes): arm64 nodes need
                // AL2023_ARM_64_STANDARD; the launch template names no AMI, so EKS picks it.
                .amiType(n.architecture().amiType())
                .capacityType(n.capacityType().key())
                .scalingConfig(
                    NodeGroupScalingConfigArgs.builder()
                        .minSize(n.minSize())
                        .maxSize(n.maxSize())
                        .desiredSize(n.desiredSize())
                        .build())
                .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailable(1).build())
                .launchTemplate(
                    NodeGroupLaunchTemplateArgs.builder()
                        .id(template.id())
                        .version(template.latestVersion().applyValue(String::valueOf))
                        .build())
                .labels(n.labels())
                .taints(
                    n.taints().stream()
                        .map(
                            t ->
                                NodeGroupTaintArgs.builder()
                                    .key(t.key())
                                    .value(t.value())
                                    .effect(t.effect())
                                    .build())
                        .toList())
                .build(),
            CustomResourceOptions.builder()
                .parent(this)
                .dependsOn(new ArrayList<Resource>(nodeRole.attachments()))
                // The Cluster Autoscaler owns the node count once the group exists: EKS
                // NodegroupScalingConfig.desiredSize, "If you use the Kubernetes Cluster
                // Autoscaler, you shouldn't change the desiredSize value directly" (botocore eks
                // 2017-11-01). Without this every update or refresh resets it to the configured
                // start size.
                .ignoreChanges("scalingConfig.desiredSize")
                .build());
    nodes = group;
    nodeSettings = n;
    autoscalerDiscoveryTags(group);
    return group;
  }

  /**
   * The nodes' launch template: IMDSv2 only, an encrypted gp3 root volume under the cluster key,
   * the application tier's and the cluster's security groups, and the stack's tags on what it
   * launches.
   */
  private LaunchTemplate launchTemplate(Args args, NodeGroupSettings n) {
    return new LaunchTemplate(
        child("nodes-lt"),
        LaunchTemplateArgs.builder()
            .description(
                "Plinth " + args.environment().key() + " nodes: IMDSv2 only, encrypted gp3 root")
            // The provider's default tags reach the template, not what the node group's Auto
            // Scaling group launches from it: tag the instances, their volumes and network
            // interfaces here (EKS User Guide, "Customize managed nodes with launch
            // templates", "Tagging Amazon EC2 instances": the launch template's
            // TagSpecification; botocore ec2 2016-11-15 CreateLaunchTemplate
            // LaunchTemplateData.TagSpecifications.ResourceType instance | volume |
            // network-interface), so that a budget or cost report filtering on them sees nodes.
            .tagSpecifications(
                NODE_TAGGED.stream()
                    .map(
                        type ->
                            LaunchTemplateTagSpecificationArgs.builder()
                                .resourceType(type)
                                .tags(args.tags())
                                .build())
                    .toList())
            .metadataOptions(
                LaunchTemplateMetadataOptionsArgs.builder()
                    .httpEndpoint("enabled")
                    .httpTokens("required")
                    .httpPutResponseHopLimit(2)
                    .build())
            .blockDeviceMappings(
                LaunchTemplateBlockDeviceMappingArgs.builder()
                    .deviceName("/dev/xvda")
                    .ebs(
                        LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                            .volumeSize(n.diskGb())
                            .volumeType("gp3")
                            .encrypted("true")
                            .kmsKeyId(args.keys().arn(KeyDomain.CLUSTER))
                            .deleteOnTermination("true")
                            .build())
                    .build())
            .vpcSecurityGroupIds(
                Output.tuple(
                        args.appTier().securityGroupId(),
                        cluster.vpcConfig().applyValue(v -> v.clusterSecurityGroupId().orElse("")))
                    .applyValue(t -> List.of(t.t1, t.t2)))
            .build(),
        childOptions());
  }

  /** The Cluster Autoscaler's discovery tags, on the node group's Auto Scaling group. */
  private void autoscalerDiscoveryTags(NodeGroup group) {
    // Node-group tags do not reach the Auto Scaling group: put the autoscaler's discovery tags
    // there.
    Output<String> asg = autoScalingGroupName(group);
    Map<String, String> tags =
        Map.of(
            "k8s.io/cluster-autoscaler/enabled",
            "true",
            autoscalerOwnedTagKey(clusterName),
            "owned");
    tags.forEach(
        (key, value) ->
            new Tag(
                child("nodes-asg-" + (key.endsWith("enabled") ? "enabled" : "owned")),
                TagArgs.builder()
                    .autoscalingGroupName(asg)
                    .tag(
                        TagTagArgs.builder().key(key).value(value).propagateAtLaunch(false).build())
                    .build(),
                childOptions()));
  }

  private static Output<String> autoScalingGroupName(NodeGroup group) {
    return group
        .resources()
        .applyValue(r -> r.get(0).autoscalingGroups().get(0).name().orElseThrow());
  }

  /**
   * The Cluster Autoscaler's ownership tag on the node group's Auto Scaling group ({@code
   * k8s.io/cluster-autoscaler/<cluster>}, value {@code owned}): auto-discovery finds the group by
   * it, and the autoscaler's IAM policy allows scaling only groups that carry it (ClusterAddons).
   */
  public static String autoscalerOwnedTagKey(String clusterName) {
    return "k8s.io/cluster-autoscaler/" + clusterName;
  }

  /** The resource types a node's launch template tags. */
  static final List<String> NODE_TAGGED = List.of("instance", "volume", "network-interface");

  /** A service role and its managed-policy attachments, which its users must wait for. */
  private record ServiceRole(Role role, List<RolePolicyAttachment> attachments) {}

  private ServiceRole serviceRole(String suffix, String service, List<String> managedPolicies) {
    var role =
        new Role(
            child(suffix),
            RoleArgs.builder()
                .assumeRolePolicy(
                    Json.policy(
                        obj(
                            "Effect", "Allow",
                            "Principal", obj("Service", service),
                            "Action", "sts:AssumeRole")))
                .build(),
            childOptions());
    List<RolePolicyAttachment> attachments = new ArrayList<>();
    for (String policy : managedPolicies) {
      attachments.add(
          new RolePolicyAttachment(
              child(suffix + "-" + policy),
              RolePolicyAttachmentArgs.builder()
                  .role(role.name())
                  .policyArn("arn:aws:iam::aws:policy/" + policy)
                  .build(),
              childOptions()));
    }
    return new ServiceRole(role, attachments);
  }

  /** A kubeconfig that authenticates with {@code aws eks get-token}: no credential inside. */
  static String kubeconfig(String cluster, String region, String endpoint, String caData) {
    return Json.write(
        obj(
            "apiVersion",
            "v1",
            "kind",
            "Config",
            "clusters",
            List.of(
                obj(
                    "name",
                    cluster,
                    "cluster",
                    obj("server", endpoint, "certificate-authority-data", caData))),
            "contexts",
            List.of(obj("name", cluster, "context", obj("cluster", cluster, "user", cluster))),
            "current-context",
            cluster,
            "users",
            List.of(
                obj(
                    "name",
                    cluster,
                    "user",
                    obj(
                        "exec",
                        obj(
                            "apiVersion", "client.authentication.k8s.io/v1beta1",
                            "command", "aws",
                            "args",
                                List.of(
                                    "eks",
                                    "get-token",
                                    "--cluster-name",
                                    cluster,
                                    "--region",
                                    region)))))));
  }

  public Output<String> clusterName() {
    return cluster.name();
  }

  public Output<String> endpoint() {
    return cluster.endpoint();
  }

  /** The OIDC issuer URL of the cluster. */
  public Output<String> oidcIssuer() {
    return oidc.url();
  }

  public Output<String> oidcProviderArn() {
    return oidc.arn();
  }

  /** The kubeconfig, a secret. */
  public Output<String> kubeconfig() {
    return kubeconfig;
  }

  /**
   * The handle for scaling the managed node group from outside the cluster (office hours): its
   * names, ARN, Auto Scaling group and configured sizes.
   */
  public NodeGroupScaling scaling() {
    return new NodeGroupScaling(
        cluster.name(),
        nodes.nodeGroupName(),
        nodes.arn(),
        autoScalingGroupName(nodes),
        autoscalerOwnedTagKey(clusterName),
        nodeSettings.minSize(),
        nodeSettings.maxSize(),
        nodeSettings.desiredSize());
  }

  /** The managed node group: what runs pods, for resources that need running pods. */
  public NodeGroup nodeGroup() {
    return nodes;
  }

  /**
   * The handle for what runs on the cluster: its name, version, OIDC identity and Kubernetes
   * provider; objects created through it wait for the node group.
   */
  public ClusterAccess access() {
    return new ClusterAccess(
        clusterName(), version, oidcProviderArn(), oidcIssuer(), kubernetes, List.of(nodes));
  }

  /** The Pulumi Kubernetes provider the workloads deploy through. */
  public Provider kubernetesProvider() {
    return kubernetes;
  }

  OpenIdConnectProvider oidc() {
    return oidc;
  }
}
