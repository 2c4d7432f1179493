package dev.plinth.network;

import static dev.plinth.Json.obj;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.AwsContext;
import dev.plinth.Json;
import java.util.List;
import java.util.Map;

/**
 * The VPC's flow logs, children of the network: an encrypted log group with the configured
 * retention, a role only VPC Flow Logs of this account may assume that writes only to that group,
 * and the flow log of all traffic.
 */
final class FlowLogs {
  private FlowLogs() {}

  static void create(Network network, Output<String> vpcId, Network.Args args) {
    AwsContext aws = args.aws();
    var group =
        new LogGroup(
            child(network, "flow-logs"),
            LogGroupArgs.builder()
                .name("/plinth/" + args.aws().stack() + "/vpc-flow-logs")
                .retentionInDays(args.settings().flowLogRetentionDays())
                .kmsKeyId(args.logs().keyArn())
                .build(),
            CustomResourceOptions.builder().parent(network).build());
    var role =
        new Role(
            child(network, "flow-logs-role"),
            RoleArgs.builder()
                .description("Lets VPC Flow Logs write to " + child(network, "flow-logs"))
                .assumeRolePolicy(
                    aws.accountId()
                        .applyValue(
                            account ->
                                Json.policy(
                                    obj(
                                        "Effect",
                                        "Allow",
                                        "Principal",
                                        obj("Service", "vpc-flow-logs.amazonaws.com"),
                                        "Action",
                                        "sts:AssumeRole",
                                        "Condition",
                                        obj("StringEquals", obj("aws:SourceAccount", account))))))
                .build(),
            CustomResourceOptions.builder().parent(network).build());
    var policy =
        new RolePolicy(
            child(network, "flow-logs-policy"),
            RolePolicyArgs.builder()
                .role(role.id())
                .policy(
                    group
                        .arn()
                        .applyValue(
                            arn ->
                                Json.policy(
                                    obj(
                                        "Effect", "Allow",
                                        "Action",
                                            List.of(
                                                "logs:CreateLogStream",
                                                "logs:PutLogEvents",
                                                "logs:DescribeLogStreams"),
                                        "Resource", List.of(arn, arn + ":*")))))
                .build(),
            CustomResourceOptions.builder().parent(network).build());
    new FlowLog(
        child(network, "flow-log"),
        FlowLogArgs.builder()
            .vpcId(vpcId)
            .trafficType("ALL")
            .logDestinationType("cloud-watch-logs")
            .logDestination(group.arn())
            .iamRoleArn(role.arn())
            .maxAggregationInterval(60)
            .tags(Map.of("Name", child(network, "flow-log")))
            .build(),
        CustomResourceOptions.builder()
            .parent(network)
            .dependsOn(List.<Resource>of(policy))
            .build());
  }

  private static String child(Network network, String suffix) {
    return network.name() + "-" + suffix;
  }
}
