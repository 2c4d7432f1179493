package dev.plinth.config;

import java.util.List;

/**
 * The edge ({@code plinth:edge}): the application's domain and TLS certificate, the Application
 * Load Balancer with its listeners, target group and access logs, and the WAF in front of it.
 *
 * <p>A stack says how it gets its certificate: either {@code certificateArn} (an existing ACM
 * certificate in the stack's region), or {@code domain} with {@code hostedZoneId} (Plinth requests
 * a certificate for the domain and validates it with DNS records in that Route 53 zone). Only dev
 * may instead be {@code httpOnly}: no certificate, and the HTTP listener serves the application
 * instead of redirecting to HTTPS.
 *
 * @param domain the application's host name ({@code app.example.com}); no default. With {@code
 *     hostedZoneId}, the domain of the new certificate and of the alias record to the load balancer
 * @param alternativeNames further names on a new certificate ({@code www.example.com}); default
 *     none
 * @param certificateArn an existing ACM certificate to serve instead of requesting one; no default
 * @param hostedZoneId the Route 53 hosted zone that holds {@code domain}: DNS validation records of
 *     a new certificate and the alias record go there; no default
 * @param aliasRecord create an A alias record {@code domain} to the load balancer in {@code
 *     hostedZoneId}; default true (it has an effect only when both are set)
 * @param httpOnly serve plain HTTP without a certificate; allowed in dev only; default false
 * @param loadBalancer the ALB itself
 * @param targetGroup where the ALB sends the application's traffic
 * @param accessLogs the ALB's access logs in S3
 * @param firewall the WAF web ACL
 * @param cdn the CloudFront distribution in front of the load balancer ({@link Cdn})
 */
public record EdgeSettings(
    String domain,
    List<String> alternativeNames,
    String certificateArn,
    String hostedZoneId,
    boolean aliasRecord,
    boolean httpOnly,
    LoadBalancer loadBalancer,
    TargetGroup targetGroup,
    AccessLogs accessLogs,
    Firewall firewall,
    Cdn cdn) {

  /**
   * The CDN ({@code plinth:edge.cdn}): a CloudFront distribution in front of the load balancer,
   * which then admits only CloudFront (seeds 001 and 003, cost optimisation: "CDN caching: reduce
   * origin requests"; seed 002: "CDN integration"). It serves the domain, caches only the static
   * paths, passes {@code /api/*} and everything else through uncached, and carries the web ACL at
   * the edge (docs/settings.md, "The CDN").
   *
   * @param enabled default false in dev (no domain there), true in staging and prod (seeds 001,
   *     002, 003); needs {@code plinth:edge.domain} and HTTPS; in a disaster-recovery failover
   *     pair, the same on both stacks: the primary's distribution fronts both load balancers
   *     through the failover record {@code origin.<domain>}
   * @param minimumProtocolVersion the viewers' minimum TLS, a value of the CloudFront model's
   *     {@code MinimumProtocolVersion} (botocore cloudfront 2020-05-31) of TLS 1.2 or newer;
   *     default {@code TLSv1.2_2021} everywhere (seed 004: TLS 1.2+)
   * @param priceClass which edge locations serve: {@code PriceClass_100}, {@code PriceClass_200} or
   *     {@code PriceClass_All} (the model's {@code PriceClass}); default {@code PriceClass_100}
   *     everywhere, the edges whose prices the estimate uses (North America and Europe)
   * @param cachedPaths the path patterns CloudFront caches (managed policy CachingOptimized);
   *     default {@code /static/*} and {@code /assets/*} everywhere (assumption: where the
   *     application serves its static files). Nothing under {@code /api/} may be cached
   * @param keepRegionalFirewall keep the regional web ACL on the load balancer as well; default
   *     false everywhere: behind CloudFront its rate limit would count CloudFront's addresses, not
   *     the clients', and the edge ACL carries the same rules
   * @param originHealthWithoutData in a failover pair, what the primary's health check (on its
   *     origin alarm) says when CloudWatch has no data: the route53 model's {@code
   *     InsufficientDataHealthStatus}; default {@code Unhealthy} everywhere, so that a lost region
   *     fails over by itself (seed 003: RTO 15 minutes). Elastic Load Balancing reports metrics
   *     "only when requests are flowing through the load balancer" (ALB User Guide, "CloudWatch
   *     metrics for your Application Load Balancer", read 2026-12-03): if a drill shows quiet hours
   *     without {@code HealthyHostCount} data, {@code LastKnownStatus} stops those failing over,
   *     and a lost region then fails over by hand (docs/runbooks.md)
   */
  public record Cdn(
      boolean enabled,
      String minimumProtocolVersion,
      String priceClass,
      List<String> cachedPaths,
      boolean keepRegionalFirewall,
      HealthWithoutData originHealthWithoutData) {}

  /**
   * A Route 53 health check's status without data (route53 2013-04-01
   * InsufficientDataHealthStatus).
   */
  public enum HealthWithoutData implements Keyed {
    HEALTHY("Healthy"),
    UNHEALTHY("Unhealthy"),
    LAST_KNOWN_STATUS("LastKnownStatus");

    private final String key;

    HealthWithoutData(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /**
   * The ALB.
   *
   * @param ingressCidrs who may connect on 443 and 80; default {@code 0.0.0.0/0} (the internet,
   *     seed 004: "Load Balancer: allow inbound 443 from internet")
   * @param tlsPolicy the HTTPS listener's security policy; default {@code
   *     ELBSecurityPolicy-TLS13-1-2-2021-06}: TLS 1.2 and 1.3 only (seed 004: TLS 1.2+; seed 003:
   *     TLSv1.2, TLSv1.3)
   * @param idleTimeoutSeconds connection idle timeout; 60 everywhere (seed 004)
   * @param deletionProtection ALB deletion protection; off in dev, on in staging and prod (seed
   *     001's {@code enable_deletion_protection = true})
   * @param desyncMitigationMode HTTP desync mitigation; {@code defensive} in dev (AWS's default),
   *     {@code strictest} in staging and prod
   * @param hstsMaxAgeSeconds the {@code Strict-Transport-Security} max-age the HTTPS listener adds;
   *     31536000 everywhere (seed 004); 0 sends no header
   * @param hstsIncludeSubDomains add {@code includeSubDomains} to that header; default false (it
   *     binds every name under the domain, which Plinth does not own)
   */
  public record LoadBalancer(
      List<String> ingressCidrs,
      String tlsPolicy,
      int idleTimeoutSeconds,
      boolean deletionProtection,
      DesyncMitigation desyncMitigationMode,
      int hstsMaxAgeSeconds,
      boolean hstsIncludeSubDomains) {}

  /**
   * The application's target group: pods registered by IP on the application port (seed 004's
   * health check).
   *
   * @param port the application's port; 3000 everywhere (seed 001's app security group)
   * @param healthCheckPath {@code /api/health/ready} (seed 004)
   * @param healthCheckIntervalSeconds 30 (seed 004)
   * @param healthCheckTimeoutSeconds 5 (seed 004)
   * @param healthyThreshold 2 consecutive successes (seed 004)
   * @param unhealthyThreshold 3 consecutive failures (seed 004)
   * @param healthCheckMatcher HTTP codes that count as healthy; {@code 200}
   * @param deregistrationDelaySeconds connection draining; 30 everywhere (seed 004: 30 to 60 s)
   * @param stickiness load-balancer cookie stickiness; off by default (seed 004: optional)
   * @param stickinessDurationSeconds the cookie's lifetime when sticky; 86400 (one day)
   */
  public record TargetGroup(
      int port,
      String healthCheckPath,
      int healthCheckIntervalSeconds,
      int healthCheckTimeoutSeconds,
      int healthyThreshold,
      int unhealthyThreshold,
      String healthCheckMatcher,
      int deregistrationDelaySeconds,
      boolean stickiness,
      int stickinessDurationSeconds) {}

  /**
   * The ALB's access logs, in a dedicated S3 bucket (SSE-S3: ALB log delivery cannot use SSE-KMS).
   * A transition of 0 days is off.
   *
   * @param enabled default true everywhere (seed 004: access logs)
   * @param transitionToIaDays to S3 Standard-IA; 0 in dev, 30 in staging and prod (seed 003)
   * @param transitionToGlacierDays to Glacier Flexible Retrieval; 0 in dev and staging, 90 in prod
   *     (seed 003)
   * @param expirationDays deleted after; 30 in dev, 90 in staging, 365 in prod (seed 003: expire
   *     365 d; seed 004: audit logs kept one year)
   */
  public record AccessLogs(
      boolean enabled, int transitionToIaDays, int transitionToGlacierDays, int expirationDays) {}

  /**
   * The WAFv2 web ACL on the ALB. Rules in priority order: allowed IPs, blocked IPs, geographic
   * restriction, rate limit, then the AWS managed groups (IP reputation, common rule set, known bad
   * inputs, SQL injection).
   *
   * @param rateLimit requests per client IP
   * @param managedRules the AWS managed rule groups, each {@code block} or {@code count}
   * @param allowedIps IPv4 CIDRs always let through (monitoring, office); default none
   * @param blockedIps IPv4 CIDRs always blocked; default none (seed 004: IP blacklisting)
   * @param allowedCountries if not empty, only these ISO 3166 country codes may connect; default
   *     none (seed 004: geographic restrictions, optional)
   * @param blockedCountries ISO 3166 country codes that are blocked; default none
   */
  public record Firewall(
      RateLimit rateLimit,
      ManagedRules managedRules,
      List<String> allowedIps,
      List<String> blockedIps,
      List<String> allowedCountries,
      List<String> blockedCountries) {}

  /**
   * A rate-based rule per client IP.
   *
   * @param limit requests per window; 2000 in dev (seed 001: 2,000 per 5 minutes), 100 in staging
   *     and prod (seed 004: 100 per minute, the stricter; staging mirrors prod so false positives
   *     show there first)
   * @param windowSeconds the evaluation window: 60, 120, 300 or 600; 300 in dev, 60 in staging and
   *     prod
   * @param action {@code block} (default) or {@code count}
   */
  public record RateLimit(int limit, int windowSeconds, RuleAction action) {}

  /**
   * The AWS managed rule groups; each {@code block} (default everywhere) or {@code count} (log
   * only, to tune false positives).
   *
   * @param ipReputation AWSManagedRulesAmazonIpReputationList
   * @param commonRuleSet AWSManagedRulesCommonRuleSet (OWASP top 10; seed 003)
   * @param knownBadInputs AWSManagedRulesKnownBadInputsRuleSet
   * @param sqlInjection AWSManagedRulesSQLiRuleSet (seed 001's SQLi rule)
   */
  public record ManagedRules(
      RuleAction ipReputation,
      RuleAction commonRuleSet,
      RuleAction knownBadInputs,
      RuleAction sqlInjection) {}

  /** What a WAF rule does with a match. */
  public enum RuleAction implements Keyed {
    BLOCK("block"),
    COUNT("count");

    private final String key;

    RuleAction(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** The ALB's HTTP desync mitigation mode. */
  public enum DesyncMitigation implements Keyed {
    MONITOR("monitor"),
    DEFENSIVE("defensive"),
    STRICTEST("strictest");

    private final String key;

    DesyncMitigation(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** The HTTPS listener's default security policy: TLS 1.2 and 1.3 only. */
  public static final String TLS13_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

  /** The documented defaults of each environment. */
  public static EdgeSettings preset(Environment env) {
    boolean dev = env == Environment.DEV;
    boolean prod = env == Environment.PROD;
    return new EdgeSettings(
        null,
        List.of(),
        null,
        null,
        true,
        false,
        new LoadBalancer(
            List.of("0.0.0.0/0"),
            TLS13_POLICY,
            60,
            !dev,
            dev ? DesyncMitigation.DEFENSIVE : DesyncMitigation.STRICTEST,
            31_536_000,
            false),
        new TargetGroup(3000, "/api/health/ready", 30, 5, 2, 3, "200", 30, false, 86_400),
        new AccessLogs(true, dev ? 0 : 30, prod ? 90 : 0, dev ? 30 : prod ? 365 : 90),
        new Firewall(
            dev
                ? new RateLimit(2000, 300, RuleAction.BLOCK)
                : new RateLimit(100, 60, RuleAction.BLOCK),
            new ManagedRules(
                RuleAction.BLOCK, RuleAction.BLOCK, RuleAction.BLOCK, RuleAction.BLOCK),
            List.of(),
            List.of(),
            List.of(),
            List.of()),
        new Cdn(
            env != Environment.DEV,
            CDN_TLS,
            "PriceClass_100",
            List.of("/static/*", "/assets/*"),
            false,
            HealthWithoutData.UNHEALTHY));
  }

  /**
   * The viewers' default minimum protocol version: TLS 1.2 with the 2021 ciphers, one of the
   * cloudfront model's {@code MinimumProtocolVersion} values (botocore cloudfront 2020-05-31).
   */
  public static final String CDN_TLS = "TLSv1.2_2021";
}
