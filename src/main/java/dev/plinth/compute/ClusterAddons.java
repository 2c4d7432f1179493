package dev.plinth.compute;

import static dev.plinth.Json.obj;

import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.ClusterSettings;
import java.util.List;
import java.util.Map;

/**
 * Helm add-ons through the cluster's Kubernetes provider: metrics-server (the HPA needs it), the
 * Cluster Autoscaler (auto-discovery by the node group's ASG tags) and the AWS Load Balancer
 * Controller, the last two with IAM roles for exactly their service account. Chart versions come
 * from the settings and must be in {@link Charts} (checked with the configuration); every release
 * waits for the node group, since Helm waits for the pods it starts.
 */
public final class ClusterAddons extends Component {
  public static final String TYPE = "plinth:compute:ClusterAddons";

  static final String AUTOSCALER_SA = "cluster-autoscaler";
  static final String LBC_SA = "aws-load-balancer-controller";

  public record Args(
      ClusterSettings settings, String region, ClusterAccess cluster, Output<String> vpcId) {}

  public ClusterAddons(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    ClusterSettings s = args.settings();
    // Every chart runs pods: the releases wait for the node group rather than time out on
    // pending pods (Helm waits for readiness) while the nodes join.
    var inCluster =
        CustomResourceOptions.builder()
            .parent(this)
            .provider(args.cluster().kubernetes())
            .dependsOn(args.cluster().readyAfter())
            .build();
    metricsServer(s, inCluster);
    clusterAutoscaler(args, inCluster);
    loadBalancerController(args, inCluster);
    registerOutputs(Map.of());
  }

  /** metrics-server, which the application's autoscaler reads. */
  private void metricsServer(ClusterSettings s, CustomResourceOptions inCluster) {
    new Release(
        child("metrics-server"),
        ReleaseArgs.builder()
            .name("metrics-server")
            .namespace("kube-system")
            .chart("metrics-server")
            .version(s.chartVersions().get("metrics-server"))
            .repositoryOpts(
                RepositoryOptsArgs.builder()
                    .repo("https://kubernetes-sigs.github.io/metrics-server/")
                    .build())
            .build(),
        inCluster);
  }

  /**
   * The Cluster Autoscaler, discovering the node group by its Auto Scaling group's tags, with an
   * IRSA role that may scale only this cluster's groups.
   */
  private void clusterAutoscaler(Args args, CustomResourceOptions inCluster) {
    ClusterSettings s = args.settings();
    var autoscalerRole =
        role(
            "autoscaler-role",
            args,
            AUTOSCALER_SA,
            args.cluster().name().applyValue(this::autoscalerPolicy));
    new Release(
        child("cluster-autoscaler"),
        ReleaseArgs.builder()
            .name("cluster-autoscaler")
            .namespace("kube-system")
            .chart("cluster-autoscaler")
            .version(s.chartVersions().get("cluster-autoscaler"))
            .repositoryOpts(
                RepositoryOptsArgs.builder()
                    .repo("https://kubernetes.github.io/autoscaler")
                    .build())
            .values(
                Output.tuple(args.cluster().name(), autoscalerRole.arn())
                    .applyValue(
                        t ->
                            Map.<String, Object>of(
                                "autoDiscovery", Map.of("clusterName", t.t1),
                                "awsRegion", args.region(),
                                "rbac",
                                    Map.of(
                                        "serviceAccount",
                                        Map.of(
                                            "name",
                                            AUTOSCALER_SA,
                                            "annotations",
                                            Map.of("eks.amazonaws.com/role-arn", t.t2))),
                                "extraArgs",
                                    Map.of(
                                        "scale-down-unneeded-time",
                                        s.scaleDownUnneededTime(),
                                        "balance-similar-node-groups",
                                        true))))
            .build(),
        inCluster);
  }

  /**
   * The AWS Load Balancer Controller, which registers the application's pods in its target group,
   * with an IRSA role holding upstream's policy for the pinned release.
   */
  private void loadBalancerController(Args args, CustomResourceOptions inCluster) {
    ClusterSettings s = args.settings();
    var lbcRole =
        role(
            "lb-controller-role",
            args,
            LBC_SA,
            Output.of(
                loadBalancerControllerPolicy(
                    s.chartVersions().get(Charts.LOAD_BALANCER_CONTROLLER))));
    new Release(
        child("aws-load-balancer-controller"),
        ReleaseArgs.builder()
            .name("aws-load-balancer-controller")
            .namespace("kube-system")
            .chart("aws-load-balancer-controller")
            .version(s.chartVersions().get("aws-load-balancer-controller"))
            .repositoryOpts(
                RepositoryOptsArgs.builder().repo("https://aws.github.io/eks-charts").build())
            .values(
                Output.tuple(args.cluster().name(), args.vpcId(), lbcRole.arn())
                    .applyValue(
                        t ->
                            Map.<String, Object>of(
                                "clusterName",
                                t.t1,
                                "region",
                                args.region(),
                                "vpcId",
                                t.t2,
                                // The Service mutator webhook (failurePolicy Fail) would admit
                                // every new Service, and refuse those created while the
                                // controller is not yet ready (metrics-server's, the
                                // autoscaler's, the application's:
                                // aws-load-balancer-controller#4140); it only makes the controller
                                // the default for type LoadBalancer Services, which Plinth never
                                // creates. Chart value: values.yaml enableServiceMutatorWebhook,
                                // templates/webhook.yaml mservice.elbv2.k8s.aws, chart 1.13.2.
                                "enableServiceMutatorWebhook",
                                false,
                                "serviceAccount",
                                Map.of(
                                    "name",
                                    LBC_SA,
                                    "annotations",
                                    Map.of("eks.amazonaws.com/role-arn", t.t3)))))
            .build(),
        inCluster);
  }

  private Role role(String suffix, Args args, String serviceAccount, Output<String> policy) {
    return Irsa.withPolicy(
        child(suffix),
        null,
        args.cluster().oidcProviderArn(),
        args.cluster().oidcIssuer(),
        "kube-system",
        serviceAccount,
        policy,
        childOptions());
  }

  /**
   * Scale only Auto Scaling groups tagged for this cluster; describe what auto-discovery reads. The
   * actions are upstream's "Full Cluster Autoscaler Features Policy" (kubernetes/autoscaler
   * cluster-autoscaler/cloudprovider/aws/README.md, IAM Policy, at cluster-autoscaler-chart-9.55.1,
   * read 2026-12-02), which no longer lists autoscaling:DescribeTags; the scaling actions are
   * narrowed by the tag condition that README recommends.
   */
  String autoscalerPolicy(String clusterName) {
    return Json.policy(
        obj(
            "Sid",
            "Describe",
            "Effect",
            "Allow",
            "Action",
            List.of(
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations",
                "autoscaling:DescribeScalingActivities",
                "ec2:DescribeImages",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements",
                "eks:DescribeNodegroup"),
            "Resource",
            "*"),
        obj(
            "Sid",
            "ScaleThisClustersGroups",
            "Effect",
            "Allow",
            "Action",
            List.of(
                "autoscaling:SetDesiredCapacity",
                "autoscaling:TerminateInstanceInAutoScalingGroup"),
            "Resource",
            "*",
            "Condition",
            obj(
                "StringEquals",
                obj("aws:ResourceTag/" + Cluster.autoscalerOwnedTagKey(clusterName), "owned"))));
  }

  /**
   * The AWS Load Balancer Controller's policy: exactly what upstream publishes for the release the
   * pinned chart deploys ({@link Charts#loadBalancerControllerPolicy}: docs/install/iam_policy.json
   * of kubernetes-sigs/aws-load-balancer-controller at v2.13.2 for chart 1.13.2). Its tagging
   * statements carry upstream's conditions: ec2:CreateTags only on a CreateSecurityGroup that tags
   * {@code elbv2.k8s.aws/cluster}, elasticloadbalancing:AddTags only in a CreateLoadBalancer or
   * CreateTargetGroup with that tag, and tag changes only on resources already carrying it and not
   * adding it, so the controller cannot claim a security group or load balancer it did not create.
   */
  static String loadBalancerControllerPolicy(String chartVersion) {
    var chart =
        Charts.find(Charts.LOAD_BALANCER_CONTROLLER, chartVersion)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no app version recorded for aws-load-balancer-controller chart "
                            + chartVersion));
    return Charts.loadBalancerControllerPolicy(chart.appVersion())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no upstream IAM policy held for aws-load-balancer-controller "
                        + chart.appVersion()));
  }
}
