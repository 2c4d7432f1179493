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
 * Controller, the last two with IAM roles for exactly their service account.
 */
public final class ClusterAddons extends Component {
  public static final String TYPE = "plinth:compute:ClusterAddons";

  static final String AUTOSCALER_SA = "cluster-autoscaler";
  static final String LBC_SA = "aws-load-balancer-controller";

  public record Args(
      ClusterSettings settings,
      String region,
      Output<String> clusterName,
      Output<String> oidcProviderArn,
      Output<String> oidcIssuer,
      Output<String> vpcId,
      com.pulumi.kubernetes.Provider kubernetes) {}

  public ClusterAddons(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    ClusterSettings s = args.settings();
    var inCluster =
        CustomResourceOptions.builder().parent(this).provider(args.kubernetes()).build();

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

    var autoscalerRole =
        role(
            "autoscaler-role",
            args,
            AUTOSCALER_SA,
            args.clusterName().applyValue(this::autoscalerPolicy));
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
                Output.tuple(args.clusterName(), autoscalerRole.arn())
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

    var lbcRole =
        role("lb-controller-role", args, LBC_SA, Output.of(loadBalancerControllerPolicy()));
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
                Output.tuple(args.clusterName(), args.vpcId(), lbcRole.arn())
                    .applyValue(
                        t ->
                            Map.<String, Object>of(
                                "clusterName",
                                t.t1,
                                "region",
                                args.region(),
                                "vpcId",
                                t.t2,
                                "serviceAccount",
                                Map.of(
                                    "name",
                                    LBC_SA,
                                    "annotations",
                                    Map.of("eks.amazonaws.com/role-arn", t.t3)))))
            .build(),
        inCluster);

    registerOutputs(Map.of());
  }

  private Role role(String suffix, Args args, String serviceAccount, Output<String> policy) {
    return Irsa.withPolicy(
        child(suffix),
        null,
        args.oidcProviderArn(),
        args.oidcIssuer(),
        "kube-system",
        serviceAccount,
        policy,
        childOptions());
  }

  /** Scale only Auto Scaling groups tagged for this cluster; describe anything. */
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
                "autoscaling:DescribeTags",
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
                obj("aws:ResourceTag/k8s.io/cluster-autoscaler/" + clusterName, "owned"))));
  }

  /**
   * What the AWS Load Balancer Controller does: describe the VPC and load balancers, manage
   * target-group registrations and load balancers it created (tagged {@code
   * elbv2.k8s.aws/cluster}), and the security groups it creates for them.
   */
  static String loadBalancerControllerPolicy() {
    return Json.policy(
        obj(
            "Sid",
            "Describe",
            "Effect",
            "Allow",
            "Action",
            List.of(
                "ec2:DescribeAccountAttributes",
                "ec2:DescribeAddresses",
                "ec2:DescribeAvailabilityZones",
                "ec2:DescribeInternetGateways",
                "ec2:DescribeVpcs",
                "ec2:DescribeVpcPeeringConnections",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeInstances",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeTags",
                "ec2:DescribeCoipPools",
                "ec2:GetCoipPoolUsage",
                "ec2:DescribeRouteTables",
                "elasticloadbalancing:Describe*",
                "acm:ListCertificates",
                "acm:DescribeCertificate",
                "wafv2:GetWebACL",
                "wafv2:GetWebACLForResource",
                "shield:GetSubscriptionState",
                "cognito-idp:DescribeUserPoolClient"),
            "Resource",
            "*"),
        obj(
            "Sid",
            "ElbServiceLinkedRole",
            "Effect",
            "Allow",
            "Action",
            "iam:CreateServiceLinkedRole",
            "Resource",
            "*",
            "Condition",
            obj("StringEquals", obj("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com"))),
        obj(
            "Sid",
            "TargetRegistration",
            "Effect",
            "Allow",
            "Action",
            List.of(
                "elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"),
            "Resource",
            "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"),
        obj(
            "Sid",
            "SecurityGroupRules",
            "Effect",
            "Allow",
            "Action",
            List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"),
            "Resource",
            "*",
            "Condition",
            obj("Null", obj("aws:ResourceTag/elbv2.k8s.aws/cluster", "false"))),
        obj(
            "Sid",
            "CreateOwnResources",
            "Effect",
            "Allow",
            "Action",
            List.of(
                "ec2:CreateSecurityGroup",
                "ec2:CreateTags",
                "elasticloadbalancing:CreateLoadBalancer",
                "elasticloadbalancing:CreateTargetGroup",
                "elasticloadbalancing:CreateListener",
                "elasticloadbalancing:CreateRule",
                "elasticloadbalancing:AddTags"),
            "Resource",
            "*",
            "Condition",
            obj("Null", obj("aws:RequestTag/elbv2.k8s.aws/cluster", "false"))),
        obj(
            "Sid",
            "ManageOwnResources",
            "Effect",
            "Allow",
            "Action",
            List.of(
                "ec2:DeleteSecurityGroup",
                "elasticloadbalancing:ModifyLoadBalancerAttributes",
                "elasticloadbalancing:SetIpAddressType",
                "elasticloadbalancing:SetSecurityGroups",
                "elasticloadbalancing:SetSubnets",
                "elasticloadbalancing:DeleteLoadBalancer",
                "elasticloadbalancing:ModifyTargetGroup",
                "elasticloadbalancing:ModifyTargetGroupAttributes",
                "elasticloadbalancing:DeleteTargetGroup",
                "elasticloadbalancing:ModifyListener",
                "elasticloadbalancing:DeleteListener",
                "elasticloadbalancing:ModifyRule",
                "elasticloadbalancing:DeleteRule",
                "elasticloadbalancing:RemoveTags"),
            "Resource",
            "*",
            "Condition",
            obj("Null", obj("aws:ResourceTag/elbv2.k8s.aws/cluster", "false"))));
  }
}
