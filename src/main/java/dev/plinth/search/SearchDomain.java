package dev.plinth.search;

import static dev.plinth.Json.obj;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.opensearch.Domain;
import com.pulumi.aws.opensearch.DomainArgs;
import com.pulumi.aws.opensearch.inputs.DomainAdvancedSecurityOptionsArgs;
import com.pulumi.aws.opensearch.inputs.DomainAdvancedSecurityOptionsMasterUserOptionsArgs;
import com.pulumi.aws.opensearch.inputs.DomainClusterConfigArgs;
import com.pulumi.aws.opensearch.inputs.DomainClusterConfigZoneAwarenessConfigArgs;
import com.pulumi.aws.opensearch.inputs.DomainDomainEndpointOptionsArgs;
import com.pulumi.aws.opensearch.inputs.DomainEbsOptionsArgs;
import com.pulumi.aws.opensearch.inputs.DomainEncryptAtRestArgs;
import com.pulumi.aws.opensearch.inputs.DomainLogPublishingOptionArgs;
import com.pulumi.aws.opensearch.inputs.DomainNodeToNodeEncryptionArgs;
import com.pulumi.aws.opensearch.inputs.DomainSoftwareUpdateOptionsArgs;
import com.pulumi.aws.opensearch.inputs.DomainVpcOptionsArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.Environment;
import dev.plinth.config.SearchSettings;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.Keys;
import dev.plinth.keys.LogStorage;
import dev.plinth.network.AppTier;
import dev.plinth.network.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Amazon OpenSearch Service for search and analytics (seed 001, large tier): a domain inside the
 * VPC's private subnets, one per zone with zone awareness, dedicated masters, data encrypted at
 * rest with a key of its own and between nodes, HTTPS only with a TLS 1.2+ policy, fine-grained
 * access control whose master user is an IAM role (no password exists), and its application, audit
 * and slow logs in encrypted CloudWatch log groups. Only the application tier reaches it, on 443.
 *
 * <p>Automated snapshots need no setting: for OpenSearch engines the service takes them hourly and
 * keeps them 14 days ("Features by engine version": hourly automated snapshots from OpenSearch
 * 1.0).
 */
public final class SearchDomain extends Component {
  public static final String TYPE = "plinth:search:SearchDomain";

  /** HTTPS, the only port the domain's VPC endpoint serves. */
  public static final int PORT = 443;

  /**
   * The TLS policy: TLS 1.2 to 1.3 with forward-secret ciphers (opensearch 2021-01-01
   * TLSSecurityPolicy enum; {@code Policy-Min-TLS-1-2-PFS-2023-10} "supports TLS version 1.2 to TLS
   * version 1.3 with perfect forward secrecy cipher suites").
   */
  public static final String TLS_POLICY = "Policy-Min-TLS-1-2-PFS-2023-10";

  /** The log types the domain publishes (opensearch 2021-01-01 LogType enum: all four). */
  public static final List<String> LOG_TYPES =
      List.of("ES_APPLICATION_LOGS", "AUDIT_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS");

  /**
   * @param settings {@code plinth:search}
   * @param environment the stack's environment: names, deletion windows, protection
   * @param aws the account and region, for the key policy and the log policy
   * @param placement the private tier: the domain takes its first {@code zoneCount} subnets
   * @param appTier the only security group the domain admits
   * @param logs the log groups' key and retention
   */
  public record Args(
      SearchSettings settings,
      Environment environment,
      AwsContext aws,
      Placement placement,
      AppTier appTier,
      LogStorage logs,
      int auditRetentionDays) {}

  private final Domain domain;
  private final Key key;
  private final Role admin;

  public SearchDomain(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    String domainName = domainName(args.aws().stack());
    key = createKey(args);
    admin = createAdminRole(args);
    SecurityGroup sg = createSecurityGroup(args);
    List<LogGroup> groups = createLogGroups(args);
    var policy = createLogPolicy(args, domainName, groups);
    domain = createDomain(args, domainName, sg, groups, policy);
    registerOutputs(
        Map.of("endpoint", domain.endpoint(), "arn", domain.arn(), "adminRoleArn", admin.arn()));
  }

  /**
   * The domain's name: {@code plinth-<stack>-search}. Unique per account and region (opensearch
   * 2021-01-01 DomainName: "unique across the domains owned by an account within an Amazon Web
   * Services Region"; 3 to 28 characters, {@code [a-z][a-z0-9\-]+}): a stack name has at most 14
   * characters (DrPair's stack name check), so the name has at most 28.
   */
  public static String domainName(String stack) {
    return "plinth-" + stack + "-search";
  }

  private Key createKey(Args args) {
    AwsContext aws = args.aws();
    Output<String> policy =
        Output.tuple(aws.accountId(), aws.partition())
            .applyValue(t -> Keys.policy(KeyDomain.SEARCH, t.t1, t.t2, aws.region()));
    var k =
        new Key(
            child("key"),
            KeyArgs.builder()
                .description(
                    "Plinth " + args.environment().key() + ": " + KeyDomain.SEARCH.description())
                .enableKeyRotation(true)
                .deletionWindowInDays(Keys.deletionWindowDays(args.environment()))
                .policy(policy)
                .build(),
            statefulOptions(args.environment().isProduction()));
    new Alias(
        child("key-alias"),
        AliasArgs.builder()
            .name("alias/plinth/" + args.environment().key() + "/" + KeyDomain.SEARCH.key())
            .targetKeyId(k.keyId())
            .build(),
        childOptions());
    return k;
  }

  /**
   * The fine-grained access control's master user: a role that principals of this account with
   * sts:AssumeRole on it may assume (the trust names the account; IAM policies name who). It maps
   * to the domain's all_access role; every other user is mapped from it.
   */
  private Role createAdminRole(Args args) {
    Output<String> trust =
        Output.tuple(args.aws().accountId(), args.aws().partition())
            .applyValue(
                t ->
                    Json.policy(
                        obj(
                            "Effect",
                            "Allow",
                            "Principal",
                            Json.accountPrincipal(t.t2, t.t1),
                            "Action",
                            "sts:AssumeRole")));
    return new Role(
        child("admin"),
        RoleArgs.builder()
            .description(
                "Plinth " + args.environment().key() + ": OpenSearch fine-grained master user")
            .assumeRolePolicy(trust)
            .build(),
        childOptions());
  }

  /** HTTPS from the application tier only; the domain's endpoints answer, they do not call out. */
  private SecurityGroup createSecurityGroup(Args args) {
    String name = child("sg");
    var group =
        new SecurityGroup(
            name,
            SecurityGroupArgs.builder()
                .vpcId(args.placement().vpcId())
                .description("OpenSearch: port " + PORT + " from the application only")
                .tags(Map.of("Name", name))
                .build(),
            childOptions());
    new SecurityGroupIngressRule(
        name + "-from-app",
        SecurityGroupIngressRuleArgs.builder()
            .securityGroupId(group.id())
            .referencedSecurityGroupId(args.appTier().securityGroupId())
            .ipProtocol("tcp")
            .fromPort(PORT)
            .toPort(PORT)
            .description("OpenSearch (HTTPS) from the application's pods and nodes")
            .build(),
        childOptions());
    return group;
  }

  /** One encrypted log group per log type, with the logs' retention. */
  private List<LogGroup> createLogGroups(Args args) {
    List<LogGroup> groups = new ArrayList<>();
    for (String type : LOG_TYPES) {
      String suffix = type.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      groups.add(
          new LogGroup(
              child("log-" + suffix),
              LogGroupArgs.builder()
                  .name("/plinth/" + args.aws().stack() + "/search/" + suffix)
                  // audit logs are kept as long as the other audit trails (PL-18, seed 004: a
                  // year); application and slow logs as the platform's logs
                  .retentionInDays(
                      type.equals("AUDIT_LOGS")
                          ? args.auditRetentionDays()
                          : args.logs().retentionDays())
                  .kmsKeyId(args.logs().keyArn())
                  .build(),
              childOptions()));
    }
    return groups;
  }

  /**
   * Lets OpenSearch Service write into these log groups, for this domain only ("Monitoring
   * OpenSearch logs with Amazon CloudWatch Logs", Developer Guide: a resource policy for principal
   * es.amazonaws.com with logs:PutLogEvents and logs:CreateLogStream). A CloudWatch Logs resource
   * policy counts against the account's 10 per region (review/AccountCheck).
   */
  private LogResourcePolicy createLogPolicy(Args args, String domainName, List<LogGroup> groups) {
    AwsContext aws = args.aws();
    Output<List<String>> arns = Output.all(groups.stream().map(LogGroup::arn).toList());
    Output<String> document =
        Output.tuple(arns, aws.accountId(), aws.partition())
            .applyValue(t -> logPolicy(t.t1, t.t2, t.t3, aws.region(), domainName));
    return new LogResourcePolicy(
        child("logs-policy"),
        LogResourcePolicyArgs.builder()
            .policyName(child("logs-delivery"))
            .policyDocument(document)
            .build(),
        childOptions());
  }

  static String logPolicy(
      List<String> groupArns, String account, String partition, String region, String domain) {
    return Json.policy(
        obj(
            "Sid",
            "OpenSearchWritesItsLogs",
            "Effect",
            "Allow",
            "Principal",
            obj("Service", "es.amazonaws.com"),
            "Action",
            List.of("logs:PutLogEvents", "logs:CreateLogStream"),
            "Resource",
            groupArns.stream().map(a -> a + ":*").toList(),
            "Condition",
            obj(
                "StringEquals",
                obj("aws:SourceAccount", account),
                "ArnLike",
                obj(
                    "aws:SourceArn",
                    "arn:" + partition + ":es:" + region + ":" + account + ":domain/" + domain))));
  }

  private Domain createDomain(
      Args args,
      String domainName,
      SecurityGroup sg,
      List<LogGroup> groups,
      LogResourcePolicy policy) {
    SearchSettings s = args.settings();
    List<DomainLogPublishingOptionArgs> publishing = new ArrayList<>();
    for (int i = 0; i < LOG_TYPES.size(); i++) {
      publishing.add(
          DomainLogPublishingOptionArgs.builder()
              .logType(LOG_TYPES.get(i))
              .cloudwatchLogGroupArn(groups.get(i).arn())
              .enabled(true)
              .build());
    }
    Output<List<String>> subnets =
        args.placement().subnetIds().applyValue(ids -> ids.subList(0, s.zoneCount()));
    var domainArgs =
        DomainArgs.builder()
            .domainName(domainName)
            .engineVersion(s.engineVersion())
            .clusterConfig(
                DomainClusterConfigArgs.builder()
                    .instanceType(s.instanceType())
                    .instanceCount(s.instanceCount())
                    .zoneAwarenessEnabled(true)
                    .zoneAwarenessConfig(
                        DomainClusterConfigZoneAwarenessConfigArgs.builder()
                            .availabilityZoneCount(s.zoneCount())
                            .build())
                    .dedicatedMasterEnabled(true)
                    .dedicatedMasterType(s.dedicatedMasterType())
                    .dedicatedMasterCount(s.dedicatedMasterCount())
                    .build())
            .ebsOptions(
                DomainEbsOptionsArgs.builder()
                    .ebsEnabled(true)
                    .volumeType("gp3")
                    .volumeSize(s.volumeGb())
                    .build())
            // Encryption at rest cannot be changed once set (CloudFormation
            // AWS::OpenSearchService::Domain EncryptionAtRestOptions: "the domain is deleted and
            // recreated"), and fine-grained access control requires it.
            .encryptAtRest(
                DomainEncryptAtRestArgs.builder().enabled(true).kmsKeyId(key.arn()).build())
            .nodeToNodeEncryption(DomainNodeToNodeEncryptionArgs.builder().enabled(true).build())
            .domainEndpointOptions(
                DomainDomainEndpointOptionsArgs.builder()
                    .enforceHttps(true)
                    .tlsSecurityPolicy(TLS_POLICY)
                    .build())
            .advancedSecurityOptions(
                DomainAdvancedSecurityOptionsArgs.builder()
                    .enabled(true)
                    .anonymousAuthEnabled(false)
                    .internalUserDatabaseEnabled(false)
                    .masterUserOptions(
                        DomainAdvancedSecurityOptionsMasterUserOptionsArgs.builder()
                            .masterUserArn(admin.arn())
                            .build())
                    .build())
            .vpcOptions(
                DomainVpcOptionsArgs.builder()
                    .subnetIds(subnets)
                    .securityGroupIds(sg.id().applyValue(List::of))
                    .build())
            .softwareUpdateOptions(
                DomainSoftwareUpdateOptionsArgs.builder().autoSoftwareUpdateEnabled(true).build())
            .accessPolicies(accessPolicy(args.aws(), domainName))
            .logPublishingOptions(publishing);
    return new Domain(
        child("domain"),
        domainArgs.build(),
        com.pulumi.resources.CustomResourceOptions.builder()
            .parent(this)
            .protect(args.environment().isProduction())
            .dependsOn(policy)
            .build());
  }

  /**
   * Who may send requests: principals of this account (IAM decides which), then fine-grained access
   * control maps them to roles inside the domain. Nothing outside the account.
   */
  private static Output<String> accessPolicy(AwsContext aws, String domainName) {
    return Output.tuple(aws.accountId(), aws.partition())
        .applyValue(
            t ->
                Json.policy(
                    obj(
                        "Effect",
                        "Allow",
                        "Principal",
                        Json.accountPrincipal(t.t2, t.t1),
                        "Action",
                        "es:ESHttp*",
                        "Resource",
                        "arn:"
                            + t.t2
                            + ":es:"
                            + aws.region()
                            + ":"
                            + t.t1
                            + ":domain/"
                            + domainName
                            + "/*")));
  }

  public Output<String> endpoint() {
    return domain.endpoint();
  }

  public Output<String> arn() {
    return domain.arn();
  }

  public Output<String> adminRoleArn() {
    return admin.arn();
  }
}
