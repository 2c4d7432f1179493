package dev.plinth.access;

import static dev.plinth.Json.obj;

import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.aws.ssm.outputs.GetParameterResult;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.AccessSettings;
import dev.plinth.config.Environment;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.KeyRing;
import dev.plinth.network.Placement;
import java.util.List;
import java.util.Map;

/**
 * Operator access without SSH or a bastion: one small instance in a private subnet that operators
 * reach through Session Manager. Its security group has no inbound rule, it has no key pair and no
 * public address, IMDSv2 is required with a hop limit of 1, its root volume is encrypted; its role
 * carries AmazonSSMManagedInstanceCore and the session-logging permissions ({@link
 * SessionLogging}). It may open PostgreSQL and Redis (each store admits it on its port, a rule
 * created here under the operator's name) and HTTPS, for the agent's calls to Systems Manager.
 *
 * <p>The stack that owns the account-and-region's Session Manager preferences also builds them here
 * ({@link SessionPreferences}), and where asked the interface endpoints ({@link SsmEndpoints}).
 *
 * <p>Why an instance and not the EKS nodes: a node would carry the same agent, but a session on it
 * lands next to every pod, its role holds the cluster's permissions, and nodes come and go with the
 * autoscaler; a t4g.nano of its own costs about $3 a month and has one job.
 */
public final class OperatorAccess extends Component {
  public static final String TYPE = "plinth:access:OperatorAccess";

  /**
   * IMDSv2 token hop limit: 1, so the token never leaves the instance. The EC2 User Guide
   * ("Configure the Instance Metadata Service options") warns that 1 may break containers, which
   * this instance does not run; Control Tower's CT.EC2.PR.2 asks launch templates for at most 1.
   */
  public static final int HOP_LIMIT = 1;

  /**
   * The public parameter that names the newest Amazon Linux 2023 image of an architecture (EC2 User
   * Guide, "Reference AMIs using Systems Manager parameters"; AWS CDK
   * AmazonLinux2023ImageSsmParameter). Amazon Linux 2023 ships the SSM agent.
   */
  public static String amiParameter(String architecture) {
    return "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-" + architecture;
  }

  /**
   * @param settings {@code plinth:access}
   * @param environment protects the session log bucket in prod, destroys it with the stack in dev
   * @param aws the account, partition and region, and the provider that answers the AMI lookup
   * @param placement the private subnets: the instance goes in the first, endpoints in all
   * @param privateCidrs the private subnets' ranges, which the endpoints admit HTTPS from
   * @param reaches the data stores the operator may reach, each on its port
   * @param ring the keys: the logs key encrypts session data, the cluster key the root volume
   * @param logs how long session logs are kept and where the bucket's access logs go
   */
  public record Args(
      AccessSettings settings,
      Environment environment,
      AwsContext aws,
      Placement placement,
      List<String> privateCidrs,
      List<Reach> reaches,
      KeyRing ring,
      SessionRetention logs) {}

  private final Instance instance;
  private final Output<String> securityGroupId;
  private final Output<String> sessionBucket;

  public OperatorAccess(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    var group = securityGroup(args);
    securityGroupId = group.id();
    var profile = instanceProfile(args);
    instance = instance(args, group, profile);
    sessionBucket =
        args.settings().sessionPreferences()
            ? new SessionPreferences(this, args).bucketName()
            : Output.of("");
    if (args.settings().interfaceEndpoints()) {
      SsmEndpoints.create(this, args);
    }
    registerOutputs(
        Map.of(
            "instanceId", instance.id(),
            "securityGroupId", securityGroupId,
            "sessionBucket", sessionBucket));
  }

  /** Exposed for the helpers that build the rest of this component's children. */
  String childName(String suffix) {
    return child(suffix);
  }

  CustomResourceOptions children() {
    return childOptions();
  }

  /**
   * The operator's security group: no ingress at all (the provider also drops AWS's default
   * allow-all egress: Pulumi AWS, aws.ec2.SecurityGroup), egress to each data store's group on its
   * port and HTTPS out; each store admits the operator on its port.
   */
  private SecurityGroup securityGroup(Args args) {
    var group =
        new SecurityGroup(
            child("sg"),
            SecurityGroupArgs.builder()
                .vpcId(args.placement().vpcId())
                .description("Operator instance: Session Manager only, no inbound rule")
                .tags(Map.of("Name", child("sg")))
                .build(),
            childOptions());
    new SecurityGroupEgressRule(
        child("egress-https"),
        SecurityGroupEgressRuleArgs.builder()
            .securityGroupId(group.id())
            .ipProtocol("tcp")
            .fromPort(443)
            .toPort(443)
            .cidrIpv4("0.0.0.0/0")
            .description("HTTPS to Systems Manager, CloudWatch Logs and S3 (NAT or endpoints)")
            .build(),
        childOptions());
    Reach.open(
        name(),
        group.id(),
        args.reaches(),
        "the operator instance (Session Manager)",
        childOptions());
    return group;
  }

  /** A role only EC2 may assume, with the agent's managed policy and the session logging. */
  private InstanceProfile instanceProfile(Args args) {
    var role =
        new Role(
            child("role"),
            RoleArgs.builder()
                .description("The operator instance: Session Manager agent and session logs")
                .assumeRolePolicy(
                    Json.policy(
                        obj(
                            "Effect",
                            "Allow",
                            "Principal",
                            obj("Service", "ec2.amazonaws.com"),
                            "Action",
                            "sts:AssumeRole")))
                .build(),
            childOptions());
    // Systems Manager User Guide, "Step 2: Verify or add instance permissions for Session
    // Manager": the agent's core permissions (ssm, ssmmessages, ec2messages).
    new RolePolicyAttachment(
        child("ssm-core"),
        RolePolicyAttachmentArgs.builder()
            .role(role.name())
            .policyArn(
                args.aws()
                    .partition()
                    .applyValue(p -> "arn:" + p + ":iam::aws:policy/AmazonSSMManagedInstanceCore"))
            .build(),
        childOptions());
    new RolePolicy(
        child("session-logging"),
        RolePolicyArgs.builder()
            .role(role.id())
            .policy(
                Output.tuple(args.aws().partition(), args.aws().accountId())
                    .applyValue(
                        t -> SessionLogging.instancePolicy(t.t1, args.aws().region(), t.t2)))
            .build(),
        childOptions());
    return new InstanceProfile(
        child("profile"), InstanceProfileArgs.builder().role(role.name()).build(), childOptions());
  }

  /**
   * The instance: the newest Amazon Linux 2023 image when created (a later image does not replace
   * it: the image is in ignoreChanges; docs/runbooks.md says how to move it), no key pair, no
   * public address, IMDSv2 only, an encrypted gp3 root volume under the cluster key (whose policy
   * lets EC2 use it for volumes).
   */
  private Instance instance(Args args, SecurityGroup group, InstanceProfile profile) {
    AccessSettings s = args.settings();
    Output<String> ami =
        SsmFunctions.getParameter(
                GetParameterArgs.builder().name(amiParameter(s.architecture())).build(),
                args.aws().invokeOptions())
            .applyValue(GetParameterResult::value);
    return new Instance(
        child("instance"),
        InstanceArgs.builder()
            .ami(ami)
            .instanceType(s.instanceType())
            .subnetId(args.placement().subnetIds().applyValue(ids -> ids.get(0)))
            .vpcSecurityGroupIds(group.id().applyValue(List::of))
            .iamInstanceProfile(profile.name())
            .associatePublicIpAddress(false)
            .metadataOptions(
                InstanceMetadataOptionsArgs.builder()
                    .httpEndpoint("enabled")
                    .httpTokens("required")
                    .httpPutResponseHopLimit(HOP_LIMIT)
                    .build())
            .rootBlockDevice(
                InstanceRootBlockDeviceArgs.builder()
                    .encrypted(true)
                    .kmsKeyId(args.ring().arn(KeyDomain.CLUSTER))
                    .volumeType("gp3")
                    .volumeSize(s.rootVolumeGb())
                    .deleteOnTermination(true)
                    .build())
            .tags(Map.of("Name", child("instance")))
            .build(),
        CustomResourceOptions.builder().parent(this).ignoreChanges("ami").build());
  }

  /** The instance operators start sessions on ({@code aws ssm start-session --target}). */
  public Output<String> instanceId() {
    return instance.id();
  }

  public Output<String> securityGroupId() {
    return securityGroupId;
  }

  /** The session log bucket, in the stack that owns the preferences; empty elsewhere. */
  public Output<String> sessionBucket() {
    return sessionBucket;
  }
}
