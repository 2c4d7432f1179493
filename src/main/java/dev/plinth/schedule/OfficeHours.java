package dev.plinth.schedule;

import static dev.plinth.Json.obj;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.ScheduleGroup;
import com.pulumi.aws.scheduler.ScheduleGroupArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.compute.NodeGroupScaling;
import dev.plinth.config.OfficeHoursSettings;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Office hours: EventBridge Scheduler schedules, in a schedule group of their own, that scale the
 * EKS managed node group to zero and stop the PostgreSQL instance at the end of the day, and bring
 * both back at the start of each working day, in the configured time zone (seed 001:
 * "Auto-shutdown: Stop dev/staging environments outside hours").
 *
 * <p>Each schedule calls one AWS API through a universal target, {@code
 * arn:aws:scheduler:::aws-sdk:<service>:<apiAction>} (EventBridge Scheduler User Guide, "Using
 * universal targets"), whose {@code Input} is the request as JSON. The request's member names are
 * written in PascalCase as the AWS SDKs name them, not as each API's wire format does: {@code
 * ClusterName}, {@code NodegroupName}, {@code ScalingConfig.MinSize} for EKS (whose REST body says
 * {@code clusterName}), and {@code DbInstanceIdentifier} for RDS (whose query API says {@code
 * DBInstanceIdentifier}); AWS CDK's Universal target example writes {@code DbClusterIdentifier},
 * and public Scheduler configurations report CreateSchedule's ValidationException for the other
 * spellings (found 2026-12-02; Plinth cannot call AWS to check).
 *
 * <p>The schedules run as one IAM role that Scheduler assumes: its trust policy admits only
 * scheduler.amazonaws.com, from this account and this schedule group ({@code aws:SourceAccount},
 * {@code aws:SourceArn}: EventBridge Scheduler User Guide, "Confused deputy prevention"; Scheduler
 * accepts the schedule group's ARN as the source since 2023-09-07, "Troubleshooting quotas"), and
 * its policy allows exactly the calls the schedules make, on exactly the node group, its Auto
 * Scaling group and the database.
 *
 * <p>The Cluster Autoscaler (installed by ClusterAddons) would scale the group back up for the pods
 * left pending, and the node group's {@code maxSize} cannot be 0 (botocore eks 2017-11-01
 * NodegroupScalingConfig.maxSize: Capacity, min 1). So the evening first removes the autoscaler's
 * ownership tag from the Auto Scaling group, which takes its permission to scale it (its IAM policy
 * allows SetDesiredCapacity only on groups tagged {@code owned}) and hides the group from its
 * auto-discovery; five minutes later the node group goes to min 0, desired 0. The morning puts the
 * tag back and the configured sizes. Overnight the application's pods, the autoscaler's and every
 * other pod are Pending: there is no node to run them.
 */
public final class OfficeHours extends Component {
  public static final String TYPE = "plinth:schedule:OfficeHours";

  /** The universal targets' services and actions (AWS SDK service ids, camelCase actions). */
  static final String UPDATE_NODEGROUP = "eks:updateNodegroupConfig";

  static final String STOP_DB = "rds:stopDBInstance";
  static final String START_DB = "rds:startDBInstance";
  static final String DELETE_TAGS = "autoscaling:deleteTags";
  static final String CREATE_TAGS = "autoscaling:createOrUpdateTags";

  /**
   * Minutes between removing the autoscaler's tag and scaling the node group to zero: the tag's
   * removal takes effect at once (IAM evaluates the tag condition on each call), the autoscaler
   * scans every 10 seconds by default.
   */
  static final int NODES_AFTER_TAG_MINUTES = 5;

  /**
   * Retries of a failed call, and for how long: within botocore scheduler's bounds
   * (RetryPolicy.MaximumRetryAttempts 0-185, MaximumEventAgeInSeconds 60-86400). Few and short: a
   * stop that finds the instance already stopped fails on every retry, and the next day's schedule
   * runs anyway.
   */
  static final int RETRY_ATTEMPTS = 3;

  static final int RETRY_MAX_AGE_SECONDS = 3600;

  /**
   * @param settings the validated office hours
   * @param environment the environment's key, in names
   * @param aws the account, partition and region
   * @param nodes the node group to scale
   * @param databaseIdentifier the PostgreSQL primary's identifier (no read replicas: validated)
   * @param databaseArn its ARN, for the role's policy
   */
  public record Args(
      OfficeHoursSettings settings,
      String environment,
      AwsContext aws,
      NodeGroupScaling nodes,
      Output<String> databaseIdentifier,
      Output<String> databaseArn) {}

  private final ScheduleGroup group;
  private final Role role;

  public OfficeHours(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    group =
        new ScheduleGroup(
            child("group"),
            ScheduleGroupArgs.builder().name(args.aws().name("-office-hours")).build(),
            childOptions());
    role =
        new Role(
            child("role"),
            RoleArgs.builder()
                .description("EventBridge Scheduler: office hours of plinth-" + args.environment())
                .assumeRolePolicy(
                    Output.tuple(args.aws().accountId(), group.arn())
                        .applyValue(t -> trustPolicy(t.t1, t.t2)))
                .build(),
            childOptions());
    var policy =
        new RolePolicy(
            child("role-policy"),
            RolePolicyArgs.builder()
                .role(role.id())
                .policy(
                    Output.tuple(
                            args.nodes().nodeGroupArn(),
                            autoScalingGroupArn(args),
                            args.databaseArn())
                        .applyValue(t -> permissions(t.t1, t.t2, t.t3)))
                .build(),
            childOptions());
    schedules(args, List.of(policy));
    registerOutputs(Map.of("groupName", group.name(), "roleArn", role.arn()));
  }

  private void schedules(Args args, List<Resource> after) {
    OfficeHoursSettings s = args.settings();
    LocalTime start = Cron.start(s);
    LocalTime end = Cron.end(s);
    String working = Cron.onDays(start, s.days());
    NodeGroupScaling n = args.nodes();
    schedule(
        args, after, "autoscaler-pause", Cron.daily(end), DELETE_TAGS, autoscalerTag(n, false));
    schedule(
        args,
        after,
        "nodes-stop",
        Cron.daily(end.plusMinutes(NODES_AFTER_TAG_MINUTES)),
        UPDATE_NODEGROUP,
        scaling(n, 0, 0));
    schedule(args, after, "db-stop", Cron.daily(end), STOP_DB, database(args));
    schedule(args, after, "db-start", working, START_DB, database(args));
    schedule(
        args,
        after,
        "nodes-start",
        working,
        UPDATE_NODEGROUP,
        scaling(n, n.minSize(), n.desiredSize()));
    schedule(args, after, "autoscaler-resume", working, CREATE_TAGS, autoscalerTag(n, true));
  }

  private void schedule(
      Args args,
      List<Resource> after,
      String suffix,
      String expression,
      String action,
      Output<String> input) {
    new Schedule(
        child(suffix),
        ScheduleArgs.builder()
            .name(suffix)
            .groupName(group.name())
            .description("Plinth office hours, " + args.environment() + ": " + action)
            .scheduleExpression(expression)
            .scheduleExpressionTimezone(args.settings().timeZone())
            .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
            .state("ENABLED")
            .target(
                ScheduleTargetArgs.builder()
                    .arn(args.aws().partition().applyValue(p -> universalTarget(p, action)))
                    .roleArn(role.arn())
                    .input(input)
                    .retryPolicy(
                        ScheduleTargetRetryPolicyArgs.builder()
                            .maximumRetryAttempts(RETRY_ATTEMPTS)
                            .maximumEventAgeInSeconds(RETRY_MAX_AGE_SECONDS)
                            .build())
                    .build())
            .build(),
        childOptions(after));
  }

  /** {@code arn:aws:scheduler:::aws-sdk:<service>:<apiAction>}. */
  static String universalTarget(String partition, String action) {
    return "arn:" + partition + ":scheduler:::aws-sdk:" + action;
  }

  /**
   * UpdateNodegroupConfig's request: the cluster, the node group and a scaling config (botocore eks
   * 2017-11-01: minSize and desiredSize ZeroCapacity, min 0; maxSize Capacity, min 1, so it stays
   * at the configured maximum).
   */
  static Output<String> scaling(NodeGroupScaling n, int min, int desired) {
    return Output.tuple(n.clusterName(), n.nodeGroupName())
        .applyValue(
            t ->
                Json.write(
                    obj(
                        "ClusterName",
                        t.t1,
                        "NodegroupName",
                        t.t2,
                        "ScalingConfig",
                        obj("MinSize", min, "MaxSize", n.maxSize(), "DesiredSize", desired))));
  }

  /** StopDBInstance's and StartDBInstance's request: the instance's identifier only. */
  static Output<String> database(Args args) {
    return args.databaseIdentifier().applyValue(id -> Json.write(obj("DbInstanceIdentifier", id)));
  }

  /**
   * DeleteTags' and CreateOrUpdateTags' request: the autoscaler's ownership tag on the Auto Scaling
   * group (botocore autoscaling 2011-01-01 Tag: ResourceId, ResourceType auto-scaling-group, Key,
   * Value, PropagateAtLaunch).
   */
  static Output<String> autoscalerTag(NodeGroupScaling n, boolean create) {
    return n.autoScalingGroupName()
        .applyValue(
            asg -> {
              var tag =
                  obj(
                      "ResourceId",
                      asg,
                      "ResourceType",
                      "auto-scaling-group",
                      "Key",
                      n.autoscalerOwnedTagKey(),
                      "Value",
                      "owned");
              if (create) {
                tag.put("PropagateAtLaunch", false);
              }
              return Json.write(obj("Tags", List.of(tag)));
            });
  }

  /**
   * The Auto Scaling group's ARN with its id as a wildcard: {@code
   * arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:${GroupId}:autoScalingGroupName/${GroupFriendlyName}}
   * (Service Authorization Reference, Amazon EC2 Auto Scaling, resource types); the group's id is
   * not an output of the node group.
   */
  static Output<String> autoScalingGroupArn(Args args) {
    return Output.tuple(
            args.aws().partition(), args.aws().accountId(), args.nodes().autoScalingGroupName())
        .applyValue(
            t ->
                "arn:"
                    + t.t1
                    + ":autoscaling:"
                    + args.aws().region()
                    + ":"
                    + t.t2
                    + ":autoScalingGroup:*:autoScalingGroupName/"
                    + t.t3);
  }

  /** Scheduler, from this account and this schedule group only. */
  static String trustPolicy(String accountId, String groupArn) {
    return Json.policy(
        obj(
            "Effect",
            "Allow",
            "Principal",
            obj("Service", "scheduler.amazonaws.com"),
            "Action",
            "sts:AssumeRole",
            "Condition",
            obj("StringEquals", obj("aws:SourceAccount", accountId, "aws:SourceArn", groupArn))));
  }

  /** Exactly the schedules' calls, each on exactly its resource. */
  static String permissions(String nodeGroupArn, String autoScalingGroupArn, String databaseArn) {
    return Json.policy(
        obj(
            "Sid",
            "ScaleTheNodeGroup",
            "Effect",
            "Allow",
            "Action",
            "eks:UpdateNodegroupConfig",
            "Resource",
            nodeGroupArn),
        obj(
            "Sid",
            "PauseTheClusterAutoscaler",
            "Effect",
            "Allow",
            "Action",
            List.of("autoscaling:DeleteTags", "autoscaling:CreateOrUpdateTags"),
            "Resource",
            autoScalingGroupArn),
        obj(
            "Sid",
            "StopAndStartTheDatabase",
            "Effect",
            "Allow",
            "Action",
            List.of("rds:StopDBInstance", "rds:StartDBInstance"),
            "Resource",
            databaseArn));
  }

  public Output<String> groupName() {
    return group.name();
  }

  public Output<String> roleArn() {
    return role.arn();
  }
}
