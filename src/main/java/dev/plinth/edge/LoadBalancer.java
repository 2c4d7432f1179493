package dev.plinth.edge;

import static dev.plinth.Json.obj;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.ec2.outputs.GetManagedPrefixListResult;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.lb.inputs.TargetGroupStickinessArgs;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.RecordFailoverRoutingPolicyArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.EdgeSettings.AccessLogs;
import dev.plinth.config.Environment;
import dev.plinth.network.AppTier;
import dev.plinth.network.Placement;
import dev.plinth.random.RandomPassword;
import dev.plinth.random.RandomPasswordArgs;
import dev.plinth.storage.PrivateBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The internet-facing Application Load Balancer in the public subnets: its own security group (443
 * and 80 from the configured CIDRs, out only to the application's security group on the application
 * port), the application's target group (pods by IP), an HTTP listener that redirects to HTTPS (or,
 * in an HTTP-only dev stack, forwards), an HTTPS listener with a TLS 1.2+ policy and HSTS, access
 * logs in a dedicated bucket, and optionally an alias record for the domain: a simple record, or,
 * in a disaster-recovery pair, a failover record (the primary's with a Route 53 health check of the
 * application's readiness through this load balancer).
 */
public final class LoadBalancer extends Component {
  public static final String TYPE = "plinth:edge:LoadBalancer";

  static final int HTTPS = 443;
  static final int HTTP = 80;

  /**
   * Route 53 health checks (botocore route53 2013-04-01, {@code HealthCheckConfig}): {@code
   * RequestInterval} "If you don't specify a value ..., the default value is 30 seconds" (min 10,
   * max 30; it cannot be changed after creation, and the provider replaces the check); {@code
   * FailureThreshold} "the default value is three health checks" (min 1, max 10), which is also
   * seed 004's 3 unhealthy. Unhealthy after 3 x 30 s = 90 s of failures.
   */
  public static final int HEALTH_CHECK_INTERVAL_SECONDS = 30;

  public static final int HEALTH_CHECK_FAILURE_THRESHOLD = 3;

  /**
   * What the load balancer needs: the public tier to sit in, the application tier to send traffic
   * to, the certificate's ARN, empty exactly when the stack is HTTP-only, how the domain's record
   * routes, and how a CloudFront distribution stands in front ({@code plinth:edge.cdn.enabled};
   * {@link CdnFront}): then the load balancer admits only CloudFront, serves only requests that
   * carry the origin header, and leaves the domain's record to the distribution (in a failover pair
   * it holds its half of the origin's record instead).
   */
  public record Args(
      EdgeSettings settings,
      Environment environment,
      AwsContext aws,
      Placement publicTier,
      AppTier appTier,
      Optional<Output<String>> certificateArn,
      DnsRouting routing,
      Optional<CdnFront> cdn) {

    /** Whether a CloudFront distribution fronts the load balancer. */
    public boolean behindCdn() {
      return cdn.isPresent();
    }
  }

  /**
   * The header CloudFront adds to every request it sends here, with a secret value; without it the
   * HTTPS listener answers 403. CloudFront's origin custom headers may not be {@code Host}, {@code
   * X-Amz-*} or {@code X-Edge-*} among others; this name is none of them.
   */
  public static final String ORIGIN_HEADER = "X-Origin-Verify";

  /**
   * The AWS-managed prefix list of CloudFront's origin-facing servers, by name (CloudFront
   * Developer Guide, "Locations and IP address ranges of CloudFront edge servers", "Use the
   * CloudFront managed prefix list", read 2026-12-03).
   */
  public static final String CLOUDFRONT_PREFIX_LIST =
      "com.amazonaws.global.cloudfront.origin-facing";

  private final SecurityGroup securityGroup;
  private final com.pulumi.aws.lb.LoadBalancer alb;
  private final TargetGroup targetGroup;
  private final Output<String> url;
  private final int deregistrationDelaySeconds;
  private HealthCheck healthCheck;
  private Output<String> originSecret;

  public LoadBalancer(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    EdgeSettings s = args.settings();
    boolean https = args.certificateArn().isPresent();
    int appPort = s.targetGroup().port();
    deregistrationDelaySeconds = s.targetGroup().deregistrationDelaySeconds();

    securityGroup = createSecurityGroup(args);
    if (args.behindCdn()) {
      admitCloudFront(args.aws());
      originSecret =
          args.cdn()
              .orElseThrow()
              .sharedSecret()
              .orElseGet(
                  () ->
                      new RandomPassword(
                              child("origin-secret"),
                              new RandomPasswordArgs(48, null),
                              childOptions())
                          .result());
    } else {
      admitClients(s.loadBalancer().ingressCidrs(), https);
    }
    connectToTheApplication(args.appTier(), appPort);
    alb = createAlb(args);
    targetGroup = createTargetGroup(args, appPort);
    createListeners(args, https);
    boolean alias = createAliasRecord(s, args, https);
    String scheme = https ? "https://" : "http://";
    url =
        (s.domain() != null && (https || alias))
            ? Output.of(scheme + s.domain())
            : alb.dnsName().applyValue(dns -> scheme + dns);

    registerOutputs(
        Map.of(
            "dnsName", alb.dnsName(),
            "url", url,
            "targetGroupArn", targetGroup.arn(),
            "securityGroupId", securityGroup.id()));
  }

  private SecurityGroup createSecurityGroup(Args args) {
    return new SecurityGroup(
        child("sg"),
        SecurityGroupArgs.builder()
            .vpcId(args.publicTier().vpcId())
            .description("Plinth " + args.environment().key() + ": internet-facing load balancer")
            .tags(Map.of("Name", child("sg")))
            .build(),
        childOptions());
  }

  /**
   * The load balancer's group admits the clients' CIDRs on 443 (when HTTPS) and 80, and ICMP
   * "fragmentation needed" from them.
   */
  private void admitClients(List<String> cidrs, boolean https) {
    List<Integer> ports = https ? List.of(HTTPS, HTTP) : List.of(HTTP);
    for (int port : ports) {
      for (int i = 0; i < cidrs.size(); i++) {
        String suffix = "sg-in-" + port + (cidrs.size() == 1 ? "" : "-" + i);
        new SecurityGroupIngressRule(
            child(suffix),
            SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(securityGroup.id())
                .description((port == HTTPS ? "HTTPS" : "HTTP") + " from " + cidrs.get(i))
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .cidrIpv4(cidrs.get(i))
                .tags(Map.of("Name", child(suffix)))
                .build(),
            childOptions());
      }
    }
    // Path-MTU discovery: ICMP "fragmentation needed" (type 3, code 4) from the clients' side, so
    // the load balancer learns a smaller path MTU instead of resending packets that never arrive.
    // EC2 IpPermission: for ICMP, FromPort is the ICMP type and ToPort the ICMP code.
    for (int i = 0; i < cidrs.size(); i++) {
      String suffix = "sg-in-icmp-mtu" + (cidrs.size() == 1 ? "" : "-" + i);
      new SecurityGroupIngressRule(
          child(suffix),
          SecurityGroupIngressRuleArgs.builder()
              .securityGroupId(securityGroup.id())
              .description("ICMP fragmentation needed (path MTU discovery) from " + cidrs.get(i))
              .ipProtocol("icmp")
              .fromPort(3)
              .toPort(4)
              .cidrIpv4(cidrs.get(i))
              .tags(Map.of("Name", child(suffix)))
              .build(),
          childOptions());
    }
  }

  /**
   * Behind CloudFront: one rule, HTTPS from CloudFront's origin-facing prefix list, and nothing
   * from the internet. One rule only, because the prefix list "counts as 55 rules in a security
   * group" against a default quota of 60 inbound rules (CloudFront Developer Guide, "Use the
   * CloudFront managed prefix list", read 2026-12-03): a second rule naming it (HTTP, or ICMP for
   * path-MTU discovery) would need a quota increase. CloudFront reaches the origin over HTTPS only,
   * so port 80 stays closed.
   */
  private void admitCloudFront(AwsContext aws) {
    Output<String> prefixList =
        Ec2Functions.getManagedPrefixList(
                GetManagedPrefixListArgs.builder().name(CLOUDFRONT_PREFIX_LIST).build(),
                aws.invokeOptions())
            .applyValue(GetManagedPrefixListResult::id);
    new SecurityGroupIngressRule(
        child("sg-in-443-cloudfront"),
        SecurityGroupIngressRuleArgs.builder()
            .securityGroupId(securityGroup.id())
            .description("HTTPS from CloudFront's origin-facing servers")
            .ipProtocol("tcp")
            .fromPort(HTTPS)
            .toPort(HTTPS)
            .prefixListId(prefixList)
            .tags(Map.of("Name", child("sg-in-443-cloudfront")))
            .build(),
        childOptions());
  }

  /**
   * Out only to the application's pods, on the application port (traffic and health checks); and
   * the application's group admits the load balancer on that port.
   */
  private void connectToTheApplication(AppTier appTier, int appPort) {
    new SecurityGroupEgressRule(
        child("sg-out-app"),
        SecurityGroupEgressRuleArgs.builder()
            .securityGroupId(securityGroup.id())
            .description("To the application on port " + appPort)
            .ipProtocol("tcp")
            .fromPort(appPort)
            .toPort(appPort)
            .referencedSecurityGroupId(appTier.securityGroupId())
            .tags(Map.of("Name", child("sg-out-app")))
            .build(),
        childOptions());
    new SecurityGroupIngressRule(
        child("app-in"),
        SecurityGroupIngressRuleArgs.builder()
            .securityGroupId(appTier.securityGroupId())
            .description("From the load balancer on port " + appPort)
            .ipProtocol("tcp")
            .fromPort(appPort)
            .toPort(appPort)
            .referencedSecurityGroupId(securityGroup.id())
            .tags(Map.of("Name", child("app-in")))
            .build(),
        childOptions());
  }

  /** The ALB itself, with its access-log bucket when access logs are on. */
  private com.pulumi.aws.lb.LoadBalancer createAlb(Args args) {
    EdgeSettings s = args.settings();
    List<Resource> logsReady = new ArrayList<>();
    LoadBalancerArgs.Builder albArgs =
        LoadBalancerArgs.builder()
            .loadBalancerType("application")
            .internal(false)
            .ipAddressType("ipv4")
            .securityGroups(securityGroup.id().applyValue(List::of))
            .subnets(args.publicTier().subnetIds())
            .enableHttp2(true)
            .enableCrossZoneLoadBalancing(true)
            .dropInvalidHeaderFields(true)
            .desyncMitigationMode(s.loadBalancer().desyncMitigationMode().key())
            .idleTimeout(s.loadBalancer().idleTimeoutSeconds())
            .enableDeletionProtection(s.loadBalancer().deletionProtection())
            .enableWafFailOpen(false)
            .tags(Map.of("Name", child("alb")));
    if (s.accessLogs().enabled()) {
      BucketV2 bucket = logBucket(args, logsReady);
      albArgs.accessLogs(
          LoadBalancerAccessLogsArgs.builder().bucket(bucket.id()).enabled(true).build());
    }
    return new com.pulumi.aws.lb.LoadBalancer(
        child("alb"), albArgs.build(), childOptions(logsReady));
  }

  /** The application's target group: pods by IP, health-checked on the configured path. */
  private TargetGroup createTargetGroup(Args args, int appPort) {
    EdgeSettings.TargetGroup tg = args.settings().targetGroup();
    return new TargetGroup(
        child("app-tg"),
        TargetGroupArgs.builder()
            .vpcId(args.publicTier().vpcId())
            .targetType("ip")
            .protocol("HTTP")
            .protocolVersion("HTTP1")
            .port(appPort)
            .deregistrationDelay(tg.deregistrationDelaySeconds())
            .healthCheck(
                TargetGroupHealthCheckArgs.builder()
                    .enabled(true)
                    .protocol("HTTP")
                    .port("traffic-port")
                    .path(tg.healthCheckPath())
                    .interval(tg.healthCheckIntervalSeconds())
                    .timeout(tg.healthCheckTimeoutSeconds())
                    .healthyThreshold(tg.healthyThreshold())
                    .unhealthyThreshold(tg.unhealthyThreshold())
                    .matcher(tg.healthCheckMatcher())
                    .build())
            .stickiness(
                TargetGroupStickinessArgs.builder()
                    .type("lb_cookie")
                    .enabled(tg.stickiness())
                    .cookieDuration(tg.stickinessDurationSeconds())
                    .build())
            .tags(Map.of("Name", child("app-tg")))
            .build(),
        childOptions());
  }

  /**
   * The HTTP listener (redirecting to HTTPS, or forwarding in an HTTP-only stack) and, with a
   * certificate, the HTTPS listener.
   */
  private void createListeners(Args args, boolean https) {
    EdgeSettings s = args.settings();
    ListenerDefaultActionArgs forward =
        ListenerDefaultActionArgs.builder()
            .type("forward")
            .targetGroupArn(targetGroup.arn())
            .build();
    ListenerDefaultActionArgs redirect =
        ListenerDefaultActionArgs.builder()
            .type("redirect")
            .redirect(
                ListenerDefaultActionRedirectArgs.builder()
                    .protocol("HTTPS")
                    .port(String.valueOf(HTTPS))
                    .statusCode("HTTP_301")
                    .build())
            .build();
    if (!args.behindCdn()) {
      new Listener(
          child("http"),
          ListenerArgs.builder()
              .loadBalancerArn(alb.arn())
              .port(HTTP)
              .protocol("HTTP")
              .defaultActions(https ? redirect : forward)
              .tags(Map.of("Name", child("http")))
              .build(),
          childOptions());
    }
    if (https) {
      ListenerArgs.Builder listener =
          ListenerArgs.builder()
              .loadBalancerArn(alb.arn())
              .port(HTTPS)
              .protocol("HTTPS")
              .sslPolicy(s.loadBalancer().tlsPolicy())
              .certificateArn(args.certificateArn().orElseThrow())
              .defaultActions(args.behindCdn() ? forbidden() : forward)
              .tags(Map.of("Name", child("https")));
      hsts(s.loadBalancer())
          .ifPresent(listener::routingHttpResponseStrictTransportSecurityHeaderValue);
      var https443 = new Listener(child("https"), listener.build(), childOptions());
      if (args.behindCdn()) {
        forwardWithOriginHeader(https443);
      }
    }
  }

  /** Behind CloudFront, what the HTTPS listener answers a request without the origin header. */
  private static ListenerDefaultActionArgs forbidden() {
    return ListenerDefaultActionArgs.builder()
        .type("fixed-response")
        .fixedResponse(
            ListenerDefaultActionFixedResponseArgs.builder()
                .contentType("text/plain")
                .statusCode("403")
                .messageBody("Forbidden")
                .build())
        .build();
  }

  /**
   * The one rule that forwards to the application: requests whose {@link #ORIGIN_HEADER} carries
   * the secret CloudFront adds. The elbv2 model's {@code HttpHeaderConditionConfig.Values}
   * (botocore elbv2 2015-12-01): at most 128 characters, "case insensitive", with {@code *} and
   * {@code ?} as wildcards; the secret is 48 letters and digits, so it holds no wildcard.
   */
  private void forwardWithOriginHeader(Listener listener) {
    new ListenerRule(
        child("https-from-cdn"),
        ListenerRuleArgs.builder()
            .listenerArn(listener.arn())
            .priority(1)
            .conditions(
                ListenerRuleConditionArgs.builder()
                    .httpHeader(
                        ListenerRuleConditionHttpHeaderArgs.builder()
                            .httpHeaderName(ORIGIN_HEADER)
                            .values(originSecret.applyValue(List::of))
                            .build())
                    .build())
            .actions(
                ListenerRuleActionArgs.builder()
                    .type("forward")
                    .targetGroupArn(targetGroup.arn())
                    .build())
            .tags(Map.of("Name", child("https-from-cdn")))
            .build(),
        childOptions());
  }

  /**
   * The domain's alias record, when asked for and a domain and zone are given; whether made. In a
   * disaster-recovery pair it is a failover record: the primary's PRIMARY with a health check, the
   * standby's SECONDARY. Both evaluate the load balancer's target health, which the failover alias
   * requires (the model's {@code ResourceRecordSet.Failover}); an ALB "is considered unhealthy"
   * when a target group has only unhealthy targets or none ({@code
   * AliasTarget.EvaluateTargetHealth}), so a pilot-light standby with no pods is not answered until
   * it runs: Route 53 then "responds to DNS queries with the applicable value from the primary".
   *
   * <p>Turning a live stack's simple record into a failover record adds a {@code SetIdentifier},
   * which Route 53 cannot change in place (an UPSERT matches on name, type and set identifier). The
   * provider does it as an update, not a replacement: a DELETE of the old record and a CREATE of
   * the new one in one change batch (terraform-provider-aws internal/service/route53/record.go,
   * resourceRecordUpdate), and "Change batches are considered transactional changes": all or none
   * (ChangeResourceRecordSets), so the name resolves throughout.
   */
  private boolean createAliasRecord(EdgeSettings s, Args args, boolean https) {
    DnsRouting routing = args.routing();
    boolean alias = s.aliasRecord() && s.domain() != null && s.hostedZoneId() != null;
    // Behind CloudFront the distribution owns the domain's record; in a failover pair this load
    // balancer holds its half of the origin's record instead (CdnFront).
    Optional<String> origin = args.cdn().map(CdnFront::originName);
    if (!alias || (args.behindCdn() && (origin.isEmpty() || !routing.failover()))) {
      return false;
    }
    RecordArgs.Builder record =
        RecordArgs.builder()
            .zoneId(s.hostedZoneId())
            .name(origin.orElse(s.domain()))
            .type("A")
            .aliases(
                RecordAliasArgs.builder()
                    .name(alb.dnsName())
                    .zoneId(alb.zoneId())
                    .evaluateTargetHealth(true)
                    .build());
    if (routing.failover()) {
      record
          .setIdentifier(routing.setIdentifier())
          .failoverRoutingPolicies(
              RecordFailoverRoutingPolicyArgs.builder().type(routing.role().name()).build());
    }
    if (routing.role() == DnsRouting.Role.PRIMARY) {
      healthCheck =
          args.behindCdn()
              ? createMetricHealthCheck(args.aws(), s.cdn().originHealthWithoutData())
              : createHealthCheck(s, https);
      record.healthCheckId(healthCheck.id());
    }
    new Record(child(origin.isPresent() ? "origin-dns" : "dns"), record.build(), childOptions());
    return origin.isEmpty();
  }

  /**
   * The primary's Route 53 health check: the application's readiness path ({@code
   * plinth:edge.targetGroup.healthCheckPath}, seed 004's {@code /api/health/ready}) over HTTPS on
   * 443 through this load balancer.
   *
   * <p>It names the load balancer's DNS name, not the domain: for {@code FullyQualifiedDomainName}
   * the model warns that "if you create a health check for which the value of
   * FullyQualifiedDomainName matches the name of the resource record sets and you then associate
   * the health check with those resource record sets, health check results will be unpredictable"
   * (after a failover the domain resolves to the standby, and the check would judge the standby).
   * That name is also the Host header and, with {@code EnableSNI}, the TLS server name; the ALB's
   * HTTPS listener has one certificate and forwards every host, and a checker that gets a
   * certificate without that name "will retry the handshake" without it ({@code EnableSNI}).
   */
  private HealthCheck createHealthCheck(EdgeSettings s, boolean https) {
    return new HealthCheck(
        child("health-check"),
        HealthCheckArgs.builder()
            .type(https ? "HTTPS" : "HTTP")
            .port(https ? HTTPS : HTTP)
            .fqdn(alb.dnsName())
            .enableSni(https)
            .resourcePath(s.targetGroup().healthCheckPath())
            .requestInterval(HEALTH_CHECK_INTERVAL_SECONDS)
            .failureThreshold(HEALTH_CHECK_FAILURE_THRESHOLD)
            .measureLatency(false)
            .tags(Map.of("Name", child("health-check")))
            .build(),
        childOptions());
  }

  /** The alarm a CDN-fronted primary's health check reads. */
  public static final String ORIGIN_HEALTH_ALARM = "origin-health";

  /**
   * That alarm's period: one minute. Route 53 reads only alarms on "Standard-resolution metrics"
   * (route53 2013-04-01 {@code AlarmIdentifier.Name}); a period of 10, 20 or 30 seconds "sets this
   * alarm as a high-resolution alarm", so the period must be "any multiple of 60" (cloudwatch
   * 2010-08-01 {@code PutMetricAlarm.Period}), and 60 is the shortest. The alarm's name "must be
   * unique within the Region" (its {@code AlarmName}): it carries the stack's prefix, and the
   * account check compares it with the other stacks' alarms.
   */
  public static final int ORIGIN_ALARM_PERIOD_SECONDS = 60;

  /**
   * Behind CloudFront, the primary's health check reads a CloudWatch alarm instead of calling the
   * load balancer: Route 53's checkers could not reach it (its group admits only CloudFront's
   * prefix list, and its listener answers 403 without the origin header, which a Route 53 check
   * cannot send). The alarm is on the target group's {@code HealthyHostCount} (its targets pass the
   * same readiness path, {@code plinth:edge.targetGroup.healthCheckPath}): no healthy pod for three
   * one-minute periods, or no data, is unhealthy. Its action is the failover itself; the
   * monitoring's {@code alb-unhealthy-targets} alarm tells people.
   *
   * <p>Route 53 model (botocore route53 2013-04-01): {@code HealthCheckConfig.Type} {@code
   * CLOUDWATCH_METRIC}, "If the state of the alarm is OK, the health check is considered healthy.
   * If the state is ALARM, the health check is considered unhealthy"; {@code AlarmIdentifier.Name}
   * supports "Standard-resolution metrics" and the statistics "Average, Minimum, Maximum, Sum, and
   * SampleCount"; {@code InsufficientDataHealthStatus} from {@code
   * plinth:edge.cdn.originHealthWithoutData} ({@code Unhealthy} by default, so that a region whose
   * load balancer or CloudWatch stops publishing fails over rather than keeping its last status).
   * Route 53 "monitors the data stream for the corresponding alarm instead of monitoring the alarm
   * state" (Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is
   * healthy"), so without data that setting, not the alarm's {@code treatMissingData}, decides.
   */
  private HealthCheck createMetricHealthCheck(
      AwsContext aws, EdgeSettings.HealthWithoutData withoutData) {
    var alarm =
        new MetricAlarm(
            child(ORIGIN_HEALTH_ALARM),
            MetricAlarmArgs.builder()
                .name(child(ORIGIN_HEALTH_ALARM))
                .alarmDescription(
                    "No healthy target behind the load balancer: Route 53 fails the CDN's origin"
                        + " over to the standby (docs/runbooks.md, Failover).")
                .namespace("AWS/ApplicationELB")
                .metricName("HealthyHostCount")
                .statistic("Minimum")
                .period(ORIGIN_ALARM_PERIOD_SECONDS)
                .comparisonOperator("LessThanThreshold")
                .threshold(1.0)
                .evaluationPeriods(HEALTH_CHECK_FAILURE_THRESHOLD)
                .datapointsToAlarm(HEALTH_CHECK_FAILURE_THRESHOLD)
                .treatMissingData("breaching")
                .dimensions(
                    Output.tuple(alb.arnSuffix(), targetGroup.arnSuffix())
                        .applyValue(t -> Map.of("LoadBalancer", t.t1, "TargetGroup", t.t2)))
                .tags(Map.of("Name", child(ORIGIN_HEALTH_ALARM)))
                .build(),
            childOptions());
    return new HealthCheck(
        child("health-check"),
        HealthCheckArgs.builder()
            .type("CLOUDWATCH_METRIC")
            .cloudwatchAlarmName(alarm.name())
            .cloudwatchAlarmRegion(aws.region())
            .insufficientDataHealthStatus(withoutData.key())
            .tags(Map.of("Name", child("health-check")))
            .build(),
        childOptions());
  }

  /** The {@code Strict-Transport-Security} value the HTTPS listener adds; empty when off. */
  static Optional<String> hsts(EdgeSettings.LoadBalancer lb) {
    if (lb.hstsMaxAgeSeconds() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "max-age="
            + lb.hstsMaxAgeSeconds()
            + (lb.hstsIncludeSubDomains() ? "; includeSubDomains" : ""));
  }

  /**
   * The access-log bucket: private (public access blocked, owner-enforced objects, TLS only),
   * versioned, SSE-S3 (the only encryption ALB log delivery supports), with a lifecycle, and a
   * policy that lets only Elastic Load Balancing's log delivery write under {@code AWSLogs/<this
   * account>/}.
   */
  private BucketV2 logBucket(Args args, List<Resource> ready) {
    AccessLogs logs = args.settings().accessLogs();
    boolean prod = args.environment().isProduction();
    CustomResourceOptions stateful = statefulOptions(prod);
    var bucket =
        new BucketV2(
            child("logs"),
            BucketV2Args.builder()
                .forceDestroy(args.environment() == Environment.DEV)
                .tags(Map.of("Name", child("logs")))
                .build(),
            stateful);
    var parts =
        LogBucketParts.of(
            bucket, logs, "access-logs", "BucketOwnerEnforced", this::child, childOptions());
    var ownership = parts.ownership();
    var publicAccess = parts.publicAccess();
    var encryption = parts.encryption();
    AwsContext aws = args.aws();
    var policy =
        new BucketPolicy(
            child("logs-policy"),
            BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(
                    Output.tuple(bucket.arn(), aws.accountId(), aws.partition())
                        .applyValue(t -> logBucketPolicy(t.t1, t.t2, t.t3, aws.region())))
                .build(),
            CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
    ready.addAll(List.of(policy, ownership, encryption));
    return bucket;
  }

  /** The access-log bucket's policy: ELB log delivery may write; nothing over plain HTTP. */
  static String logBucketPolicy(String bucketArn, String account, String partition, String region) {
    return Json.policy(
        obj(
            "Sid", "ElbLogDelivery",
            "Effect", "Allow",
            "Principal", ElbLogDelivery.principal(region, partition),
            "Action", "s3:PutObject",
            "Resource", bucketArn + "/AWSLogs/" + account + "/*"),
        PrivateBucket.denyInsecureTransport(bucketArn));
  }

  /** The load balancer's ARN (the WAF associates with it). */
  public Output<String> arn() {
    return alb.arn();
  }

  /** The load balancer's ARN suffix, its name in CloudWatch metrics. */
  public Output<String> arnSuffix() {
    return alb.arnSuffix();
  }

  /** The target group's ARN suffix, its name in CloudWatch metrics. */
  public Output<String> targetGroupArnSuffix() {
    return targetGroup.arnSuffix();
  }

  public Output<String> dnsName() {
    return alb.dnsName();
  }

  /** The load balancer's canonical hosted zone, for alias records. */
  public Output<String> zoneId() {
    return alb.zoneId();
  }

  /** Where users reach the application: the domain when there is one, else the ALB's name. */
  public Output<String> url() {
    return url;
  }

  /** The handle to the application's target group: the workloads register pods in it. */
  public TargetGroupRef targetGroup() {
    return new TargetGroupRef(
        targetGroup.arn(), targetGroup.arnSuffix(), deregistrationDelaySeconds);
  }

  /** The application's target group; the workloads register pods in it. */
  public Output<String> targetGroupArn() {
    return targetGroup.arn();
  }

  /**
   * The Route 53 health check of a failover primary's record (a drill inverts it to fail over: "If
   * you want to stop routing traffic to a resource, change the value of Inverted", not Disabled,
   * which Route 53 "considers ... to always be healthy": docs/runbooks.md); empty for any other
   * stack.
   */
  public Output<String> healthCheckId() {
    return healthCheck == null ? Output.of("") : healthCheck.id();
  }

  /** The load balancer's security group. */
  public Output<String> securityGroupId() {
    return securityGroup.id();
  }

  /**
   * Behind CloudFront, the secret value of {@link #ORIGIN_HEADER} that CloudFront must send; empty
   * otherwise. A secret output.
   */
  public Optional<Output<String>> originSecret() {
    return Optional.ofNullable(originSecret);
  }
}
