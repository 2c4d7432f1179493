package dev.plinth.edge;

import static dev.plinth.Json.obj;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.aws.wafv2.IpSet;
import com.pulumi.aws.wafv2.IpSetArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementGeoMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementIpSetReferenceStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementNotStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.EdgeSettings.RuleAction;
import dev.plinth.keys.LogStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WAFv2 web ACL, in front of the load balancer (scope {@code REGIONAL}, associated with it) or at
 * the CloudFront edge (scope {@code CLOUDFRONT}, named by the distribution, created in us-east-1:
 * WAF's {@code Scope}, "To work with CloudFront, you must also specify the Region US East (N.
 * Virginia)", botocore wafv2 2019-07-29): default allow, every rule with CloudWatch metrics and
 * sampled requests. Rules by priority: an IP allow list, an IP block list, a geographic restriction
 * (each only when configured), a rate limit per client IP, then four AWS managed rule groups, each
 * in block or count mode. Logs go to a KMS-encrypted CloudWatch log group ({@code aws-waf-logs-}
 * prefix, as WAF requires) with the authorization and cookie headers redacted.
 */
public final class Firewall extends Component {
  public static final String TYPE = "plinth:edge:Firewall";

  /** Fixed priorities: an optional rule left out leaves a gap, so the others never renumber. */
  static final int ALLOWED_IPS = 10;

  static final int BLOCKED_IPS = 20;
  static final int GEO = 30;
  static final int RATE_LIMIT = 40;
  static final int IP_REPUTATION = 50;
  static final int COMMON = 60;
  static final int KNOWN_BAD_INPUTS = 70;
  static final int SQL_INJECTION = 80;

  /** Headers WAF logs must not contain. */
  static final List<String> REDACTED_HEADERS = List.of("authorization", "cookie");

  /**
   * What the ACL needs: its rules' settings, the account (in the ACL's region: us-east-1 for the
   * edge), the load balancer it is associated with (empty for the edge ACL, which the CloudFront
   * distribution names instead), and where its logs go.
   */
  public record Args(
      EdgeSettings.Firewall settings,
      String environment,
      AwsContext aws,
      Optional<Output<String>> loadBalancerArn,
      LogStorage logs) {

    /** {@code CLOUDFRONT} for the edge ACL, {@code REGIONAL} for the load balancer's. */
    String scope() {
      return loadBalancerArn.isPresent() ? "REGIONAL" : "CLOUDFRONT";
    }

    /** What names of the edge ACL carry, so that it never shares one with the regional ACL. */
    String edgeSuffix() {
      return loadBalancerArn.isPresent() ? "" : "-edge";
    }
  }

  private final String scope;

  private final WebAcl webAcl;

  public Firewall(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    scope = args.scope();
    EdgeSettings.Firewall s = args.settings();
    String metricPrefix = args.aws().name(args.edgeSuffix() + "-");
    List<WebAclRuleArgs> rules = rules(s, metricPrefix);

    webAcl =
        new WebAcl(
            child("acl"),
            WebAclArgs.builder()
                .description(
                    "Plinth "
                        + args.environment()
                        + (args.loadBalancerArn().isPresent()
                            ? ": in front of the load balancer"
                            : ": at the CloudFront edge"))
                .scope(scope)
                .defaultAction(
                    WebAclDefaultActionArgs.builder()
                        .allow(WebAclDefaultActionAllowArgs.builder().build())
                        .build())
                .rules(rules)
                .visibilityConfig(
                    WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true)
                        .sampledRequestsEnabled(true)
                        .metricName(metricPrefix + "web-acl")
                        .build())
                .tags(Map.of("Name", child("acl")))
                .build(),
            childOptions());

    args.loadBalancerArn()
        .ifPresent(
            lb ->
                new WebAclAssociation(
                    child("association"),
                    WebAclAssociationArgs.builder().resourceArn(lb).webAclArn(webAcl.arn()).build(),
                    childOptions()));

    logging(args);

    registerOutputs(Map.of("webAclArn", webAcl.arn()));
  }

  /**
   * The ACL's rules by priority: the IP lists and countries where configured, the rate limit, then
   * the managed rule groups.
   */
  private List<WebAclRuleArgs> rules(EdgeSettings.Firewall s, String metricPrefix) {
    List<WebAclRuleArgs> rules = new ArrayList<>();

    if (!s.allowedIps().isEmpty()) {
      IpSet allowed = ipSet("allowed-ips", "always let through", s.allowedIps());
      rules.add(
          rule(
              "allowed-ips",
              ALLOWED_IPS,
              metricPrefix,
              ipSetStatement(allowed),
              WebAclRuleActionArgs.builder()
                  .allow(WebAclRuleActionAllowArgs.builder().build())
                  .build()));
    }
    if (!s.blockedIps().isEmpty()) {
      IpSet blocked = ipSet("blocked-ips", "always blocked", s.blockedIps());
      rules.add(rule("blocked-ips", BLOCKED_IPS, metricPrefix, ipSetStatement(blocked), block()));
    }
    if (!s.allowedCountries().isEmpty()) {
      rules.add(
          rule(
              "geo-allow-only",
              GEO,
              metricPrefix,
              WebAclRuleStatementArgs.builder()
                  .notStatement(
                      WebAclRuleStatementNotStatementArgs.builder()
                          .statements(geo(s.allowedCountries()))
                          .build())
                  .build(),
              block()));
    } else if (!s.blockedCountries().isEmpty()) {
      rules.add(rule("geo-block", GEO, metricPrefix, geo(s.blockedCountries()), block()));
    }
    rules.add(
        rule(
            "rate-limit",
            RATE_LIMIT,
            metricPrefix,
            WebAclRuleStatementArgs.builder()
                .rateBasedStatement(
                    WebAclRuleStatementRateBasedStatementArgs.builder()
                        .aggregateKeyType("IP")
                        .limit(s.rateLimit().limit())
                        .evaluationWindowSec(s.rateLimit().windowSeconds())
                        .build())
                .build(),
            s.rateLimit().action() == RuleAction.COUNT ? count() : block()));
    rules.add(
        managed(
            "AWSManagedRulesAmazonIpReputationList",
            IP_REPUTATION,
            metricPrefix,
            s.managedRules().ipReputation()));
    rules.add(
        managed(
            "AWSManagedRulesCommonRuleSet",
            COMMON,
            metricPrefix,
            s.managedRules().commonRuleSet()));
    rules.add(
        managed(
            "AWSManagedRulesKnownBadInputsRuleSet",
            KNOWN_BAD_INPUTS,
            metricPrefix,
            s.managedRules().knownBadInputs()));
    rules.add(
        managed(
            "AWSManagedRulesSQLiRuleSet",
            SQL_INJECTION,
            metricPrefix,
            s.managedRules().sqlInjection()));
    return rules;
  }

  private void logging(Args args) {
    AwsContext aws = args.aws();
    var group =
        new LogGroup(
            child("logs"),
            LogGroupArgs.builder()
                .name("aws-waf-logs-" + args.aws().name(args.edgeSuffix()))
                .retentionInDays(args.logs().retentionDays())
                .kmsKeyId(args.logs().keyArn())
                .build(),
            childOptions());
    // WAF delivers through CloudWatch Logs' log delivery service; this policy lets it write to
    // this group only, on behalf of this account (otherwise WAF would add a broader one itself).
    var policy =
        new LogResourcePolicy(
            child("logs-policy"),
            LogResourcePolicyArgs.builder()
                .policyName(child("logs-delivery"))
                .policyDocument(
                    Output.tuple(group.arn(), aws.accountId(), aws.partition())
                        .applyValue(t -> deliveryPolicy(t.t1, t.t2, t.t3, aws.region())))
                .build(),
            childOptions());
    new WebAclLoggingConfiguration(
        child("logging"),
        WebAclLoggingConfigurationArgs.builder()
            .resourceArn(webAcl.arn())
            .logDestinationConfigs(group.arn().applyValue(List::of))
            .redactedFields(
                REDACTED_HEADERS.stream()
                    .map(
                        header ->
                            WebAclLoggingConfigurationRedactedFieldArgs.builder()
                                .singleHeader(
                                    WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs
                                        .builder()
                                        .name(header)
                                        .build())
                                .build())
                    .toList())
            .build(),
        CustomResourceOptions.builder().parent(this).dependsOn(policy).build());
  }

  /** Lets CloudWatch Logs' delivery service write WAF's log streams into the group. */
  static String deliveryPolicy(String groupArn, String account, String partition, String region) {
    return Json.policy(
        obj(
            "Sid",
            "WafLogDelivery",
            "Effect",
            "Allow",
            "Principal",
            obj("Service", "delivery.logs.amazonaws.com"),
            "Action",
            List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            "Resource",
            groupArn + ":log-stream:*",
            "Condition",
            obj(
                "StringEquals", obj("aws:SourceAccount", account),
                "ArnLike",
                    obj(
                        "aws:SourceArn",
                        "arn:" + partition + ":logs:" + region + ":" + account + ":*"))));
  }

  private IpSet ipSet(String suffix, String what, List<String> cidrs) {
    return new IpSet(
        child(suffix),
        IpSetArgs.builder()
            .description("Plinth: client addresses " + what)
            .scope(scope)
            .ipAddressVersion("IPV4")
            .addresses(cidrs)
            .tags(Map.of("Name", child(suffix)))
            .build(),
        childOptions());
  }

  private static WebAclRuleStatementArgs ipSetStatement(IpSet set) {
    return WebAclRuleStatementArgs.builder()
        .ipSetReferenceStatement(
            WebAclRuleStatementIpSetReferenceStatementArgs.builder().arn(set.arn()).build())
        .build();
  }

  private static WebAclRuleStatementArgs geo(List<String> countries) {
    return WebAclRuleStatementArgs.builder()
        .geoMatchStatement(
            WebAclRuleStatementGeoMatchStatementArgs.builder().countryCodes(countries).build())
        .build();
  }

  private static WebAclRuleArgs managed(
      String group, int priority, String metricPrefix, RuleAction action) {
    return WebAclRuleArgs.builder()
        .name(group)
        .priority(priority)
        .overrideAction(
            action == RuleAction.COUNT
                ? WebAclRuleOverrideActionArgs.builder()
                    .count(WebAclRuleOverrideActionCountArgs.builder().build())
                    .build()
                : WebAclRuleOverrideActionArgs.builder()
                    .none(WebAclRuleOverrideActionNoneArgs.builder().build())
                    .build())
        .statement(
            WebAclRuleStatementArgs.builder()
                .managedRuleGroupStatement(
                    WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                        .vendorName("AWS")
                        .name(group)
                        .build())
                .build())
        .visibilityConfig(visibility(metricPrefix + group))
        .build();
  }

  private static WebAclRuleArgs rule(
      String name,
      int priority,
      String metricPrefix,
      WebAclRuleStatementArgs statement,
      WebAclRuleActionArgs action) {
    return WebAclRuleArgs.builder()
        .name(name)
        .priority(priority)
        .action(action)
        .statement(statement)
        .visibilityConfig(visibility(metricPrefix + name))
        .build();
  }

  private static WebAclRuleVisibilityConfigArgs visibility(String metric) {
    return WebAclRuleVisibilityConfigArgs.builder()
        .cloudwatchMetricsEnabled(true)
        .sampledRequestsEnabled(true)
        .metricName(metric)
        .build();
  }

  private static WebAclRuleActionArgs block() {
    return WebAclRuleActionArgs.builder()
        .block(WebAclRuleActionBlockArgs.builder().build())
        .build();
  }

  private static WebAclRuleActionArgs count() {
    return WebAclRuleActionArgs.builder()
        .count(WebAclRuleActionCountArgs.builder().build())
        .build();
  }

  /** The web ACL's ARN. */
  public Output<String> webAclArn() {
    return webAcl.arn();
  }

  /** The web ACL's capacity in WCUs, as AWS computes it. */
  public Output<Integer> capacity() {
    return webAcl.capacity();
  }
}
