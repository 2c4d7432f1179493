package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.STAGING_AND_PROD;
import static dev.plinth.policy.Severity.ADVISORY;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;

/** The Application Load Balancer, its listeners and target groups, and the WAF in front of it. */
final class EdgeRules {
  private EdgeRules() {}

  /** ELB security policies that allow only TLS 1.2 and later. */
  static boolean tls12OrLater(String policy) {
    return policy.startsWith("ELBSecurityPolicy-TLS13-")
        || policy.startsWith("ELBSecurityPolicy-TLS-1-2")
        || policy.startsWith("ELBSecurityPolicy-FS-1-2")
        || policy.startsWith("ELBSecurityPolicy-TLS-1-3");
  }

  static List<Rule> all() {
    return List.of(
        httpsListener(),
        httpRedirects(),
        tlsPolicy(),
        headerHygiene(),
        accessLogs(),
        deletionProtection(),
        healthCheck(),
        timeouts(),
        hsts(),
        wafAssociated(),
        wafRules(),
        wafLogging(),
        wafRateLimit(),
        wafSqlInjection());
  }

  static boolean isAlb(RecordedResource lb) {
    return In.text(lb, "loadBalancerType").orElse("application").equals("application");
  }

  private static List<RecordedResource> listeners(RecordedResource lb, PolicyContext ctx) {
    return ctx.referring(lb, Types.LISTENER);
  }

  static Rule httpsListener() {
    return Rule.of(
        "ALB-01",
        "HTTPS listener with an ACM certificate",
        MANDATORY,
        ALL,
        "CKV_AWS_2, AVD-0054, SH ELB.18",
        List.of(Types.LB),
        (lb, ctx) ->
            Problems.of(lb)
                .require(
                    !isAlb(lb)
                        || listeners(lb, ctx).stream()
                            .anyMatch(
                                l ->
                                    In.text(l, "protocol").orElse("").equals("HTTPS")
                                        && In.text(l, "certificateArn").isPresent()),
                    "https",
                    "has no HTTPS listener with a certificate",
                    "add a listener on 443 with protocol HTTPS and an ACM certificateArn")
                .list());
  }

  static Rule httpRedirects() {
    return Rule.of(
        "ALB-02",
        "HTTP listener only redirects to HTTPS",
        MANDATORY,
        ALL,
        "N5-ALBHttpToHttpsRedirection, CKV2_AWS_20, ag alb-http-to-https-redirection, SH ELB.1",
        List.of(Types.LISTENER),
        (l, ctx) -> {
          if (!In.text(l, "protocol").orElse("").equals("HTTP")) {
            return List.of();
          }
          List<JsonNode> actions = In.list(l, "defaultActions");
          boolean redirects =
              !actions.isEmpty()
                  && actions.stream()
                      .allMatch(
                          a ->
                              a.path("type").asText().equals("redirect")
                                  && a.path("redirect").path("protocol").asText().equals("HTTPS"));
          return Problems.of(l)
              .require(
                  redirects,
                  "redirect",
                  "the HTTP listener serves traffic instead of redirecting",
                  "make its default action a redirect to protocol HTTPS, port 443, HTTP_301")
              .list();
        });
  }

  static Rule tlsPolicy() {
    return Rule.of(
        "ALB-03",
        "TLS 1.2+ security policy",
        MANDATORY,
        ALL,
        "CKV_AWS_103, AVD-0047, SH ELB.17",
        List.of(Types.LISTENER),
        (l, ctx) -> {
          if (!In.text(l, "protocol").orElse("").equals("HTTPS")) {
            return List.of();
          }
          String policy = In.text(l, "sslPolicy").orElse("ELBSecurityPolicy-2016-08 (the default)");
          return Problems.of(l)
              .require(
                  tls12OrLater(policy),
                  "tls",
                  "security policy " + policy + " allows TLS older than 1.2",
                  "set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06")
              .list();
        });
  }

  static Rule headerHygiene() {
    return Rule.of(
        "ALB-04",
        "drop invalid header fields; desync mitigation not monitor",
        MANDATORY,
        ALL,
        "CKV_AWS_131, CKV_AWS_328, AVD-0052, SH ELB.4, SH ELB.12",
        List.of(Types.LB),
        (lb, ctx) ->
            !isAlb(lb)
                ? List.of()
                : Problems.of(lb)
                    .require(
                        In.isTrue(lb, "dropInvalidHeaderFields"),
                        "headers",
                        "does not drop invalid header fields",
                        "set dropInvalidHeaderFields true")
                    .require(
                        !In.text(lb, "desyncMitigationMode").orElse("defensive").equals("monitor"),
                        "desync",
                        "desync mitigation is monitor",
                        "set desyncMitigationMode defensive or strictest")
                    .list());
  }

  static Rule accessLogs() {
    return Rule.of(
        "ALB-05",
        "access logs enabled",
        MANDATORY,
        ALL,
        "AS-ELB2, CKV_AWS_91, ag elb-logging-enabled, SH ELB.5",
        List.of(Types.LB),
        (lb, ctx) ->
            Problems.of(lb)
                .require(
                    In.isTrue(lb, "accessLogs.enabled")
                        && In.text(lb, "accessLogs.bucket").isPresent(),
                    "logs",
                    "access logs are off",
                    "set accessLogs { bucket, enabled: true } (plinth:edge.accessLogs.enabled)")
                .list());
  }

  static Rule deletionProtection() {
    return Rule.of(
        "ALB-06",
        "deletion protection",
        MANDATORY,
        STAGING_AND_PROD,
        "CKV_AWS_150, ag elb-deletion-protection-enabled, SH ELB.6",
        List.of(Types.LB),
        (lb, ctx) ->
            Problems.of(lb)
                .require(
                    In.isTrue(lb, "enableDeletionProtection"),
                    "deletion",
                    "deletion protection is off",
                    "set enableDeletionProtection true")
                .list());
  }

  /** Seed 004: health check every 30 s, timeout 5 s, 2 healthy, 3 unhealthy. */
  static Rule healthCheck() {
    return Rule.of(
        "PL-02",
        "target group health check as seed 004 sets it: every 30 s, timeout 5 s, 2 healthy, 3 unhealthy",
        ADVISORY,
        ALL,
        "seed 004 (ALB health check /api/health/ready)",
        List.of(Types.TARGET_GROUP),
        (tg, ctx) -> {
          Problems p = Problems.of(tg);
          p.require(
              In.bool(tg, "healthCheck.enabled", true)
                  && In.text(tg, "healthCheck.path").isPresent(),
              "path",
              "has no health-check path",
              "set healthCheck.path (seed 004: /api/health/ready)");
          expect(p, tg, "healthCheck.interval", 30);
          expect(p, tg, "healthCheck.timeout", 5);
          expect(p, tg, "healthCheck.healthyThreshold", 2);
          expect(p, tg, "healthCheck.unhealthyThreshold", 3);
          return p.list();
        });
  }

  private static void expect(Problems p, RecordedResource r, String path, int value) {
    String got = In.integer(r, path).map(String::valueOf).orElse("unset");
    p.require(
        got.equals(String.valueOf(value)), path, path + " is " + got, "set " + path + " " + value);
  }

  /** Seed 004: idle timeout 60 s, connection draining 30-60 s. */
  static Rule timeouts() {
    return Rule.of(
        "PL-03",
        "idle timeout 60 s and connection draining 30-60 s (seed 004)",
        ADVISORY,
        ALL,
        "seed 004 (idle timeout 60 s, draining 30-60 s)",
        List.of(Types.LB, Types.TARGET_GROUP),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          if (r.type().equals(Types.LB)) {
            if (isAlb(r)) {
              expect(p, r, "idleTimeout", 60);
            }
          } else {
            int delay = In.integer(r, "deregistrationDelay").orElse(300);
            p.require(
                delay >= 30 && delay <= 60,
                "draining",
                "deregistration delay is " + delay + " s",
                "set deregistrationDelay between 30 and 60");
          }
          return p.list();
        });
  }

  static Rule hsts() {
    return Rule.of(
        "PL-04",
        "HTTPS listener sends HSTS with max-age of a year (seed 004)",
        ADVISORY,
        ALL,
        "seed 004 (TLS 1.2+, HSTS)",
        List.of(Types.LISTENER),
        (l, ctx) -> {
          if (!In.text(l, "protocol").orElse("").equals("HTTPS")) {
            return List.of();
          }
          String header =
              In.text(l, "routingHttpResponseStrictTransportSecurityHeaderValue").orElse("");
          int maxAge = 0;
          var m = java.util.regex.Pattern.compile("max-age=(\\d+)").matcher(header);
          if (m.find()) {
            maxAge = Integer.parseInt(m.group(1));
          }
          return Problems.of(l)
              .require(
                  maxAge >= 31_536_000,
                  "hsts",
                  "sends no HSTS header of a year or more",
                  "set routingHttpResponseStrictTransportSecurityHeaderValue to max-age=31536000")
              .list();
        });
  }

  static Rule wafAssociated() {
    return Rule.of(
        "WAF-01",
        "web ACL associated with the ALB, or at the edge of the CloudFront distribution in front",
        MANDATORY,
        ALL,
        "N5-ALBWAFEnabled, CKV2_AWS_28, SH ELB.16",
        List.of(Types.LB),
        (lb, ctx) ->
            Problems.of(lb)
                .require(
                    !isAlb(lb)
                        || In.isTrue(lb, "internal")
                        || !ctx.referring(lb, Types.WEB_ACL_ASSOCIATION).isEmpty()
                        || behindFilteringCdn(lb, ctx),
                    "waf",
                    "no WAF web ACL is associated with this internet-facing ALB",
                    "add an aws.wafv2.WebAclAssociation with resourceArn of this ALB")
                .list());
  }

  /**
   * Whether a CloudFront distribution with a web ACL fronts the ALB and CDN-06 holds: the ALB
   * admits only CloudFront, so every request passed the edge ACL. A standby's ALB behind its pair's
   * origin record is fronted by its primary's distribution, whose web ACL CDN-01 judges in the
   * primary's plan.
   */
  static boolean behindFilteringCdn(RecordedResource lb, PolicyContext ctx) {
    boolean filtered =
        CdnRules.frontingDistributions(lb, ctx).stream()
                .anyMatch(d -> !In.text(d, "webAclId").orElse("").isBlank())
            || (ctx.standby() && !CdnRules.originRecords(lb, ctx).isEmpty());
    return filtered && CdnRules.originLocked().check().problems(lb, ctx).isEmpty();
  }

  private static List<JsonNode> managedGroups(RecordedResource acl) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode rule : In.list(acl, "rules")) {
      JsonNode group = rule.path("statement").path("managedRuleGroupStatement");
      if (!group.isMissingNode()) {
        out.add(group);
      }
    }
    return out;
  }

  static Rule wafRules() {
    return Rule.of(
        "WAF-02",
        "rules have actions, known-bad-inputs group present, metrics on",
        MANDATORY,
        ALL,
        "CKV_AWS_175, CKV_AWS_192, CKV_AWS_342, CKV2_AWS_76, SH WAF.10, SH WAF.12",
        List.of(Types.WEB_ACL),
        (acl, ctx) -> {
          Problems p = Problems.of(acl);
          List<JsonNode> rules = In.list(acl, "rules");
          p.require(!rules.isEmpty(), "rules", "has no rules", "add the AWS managed rule groups");
          p.require(
              In.isTrue(acl, "visibilityConfig.cloudwatchMetricsEnabled"),
              "metrics",
              "the ACL's CloudWatch metrics are off",
              "set visibilityConfig.cloudwatchMetricsEnabled true");
          for (JsonNode rule : rules) {
            String name = rule.path("name").asText();
            boolean hasAction =
                rule.path("action").size() > 0 || rule.path("overrideAction").size() > 0;
            p.require(
                hasAction,
                "action",
                "rule " + name + " has no action",
                "give it action or overrideAction");
            p.require(
                rule.path("visibilityConfig").path("cloudwatchMetricsEnabled").asBoolean(false),
                "metrics",
                "rule " + name + " has CloudWatch metrics off",
                "set its visibilityConfig.cloudwatchMetricsEnabled true");
          }
          p.require(
              managedGroups(acl).stream()
                  .anyMatch(
                      g -> g.path("name").asText().equals("AWSManagedRulesKnownBadInputsRuleSet")),
              "known-bad-inputs",
              "has no AWSManagedRulesKnownBadInputsRuleSet (Log4j and other known bad inputs)",
              "add the AWS managed group AWSManagedRulesKnownBadInputsRuleSet");
          return p.list();
        });
  }

  static Rule wafLogging() {
    return Rule.of(
        "WAF-03",
        "web ACL logging configured",
        MANDATORY,
        ALL,
        "N5-WAFv2LoggingEnabled, CKV2_AWS_31, SH WAF.11",
        List.of(Types.WEB_ACL),
        (acl, ctx) ->
            Problems.of(acl)
                .require(
                    !ctx.referring(acl, Types.WEB_ACL_LOGGING).isEmpty(),
                    "logging",
                    "the web ACL logs nowhere",
                    "add an aws.wafv2.WebAclLoggingConfiguration with resourceArn of this ACL")
                .list());
  }

  static Rule wafRateLimit() {
    return Rule.of(
        "PL-05",
        "a rate limit per client IP of at most 2000 requests per 5 minutes (seeds 001, 004)",
        MANDATORY,
        ALL,
        "seed 001 (2000 per IP), seed 004 (100 req/min per IP)",
        List.of(Types.WEB_ACL),
        (acl, ctx) -> {
          List<JsonNode> limits =
              In.list(acl, "rules").stream()
                  .map(r -> r.path("statement").path("rateBasedStatement"))
                  .filter(s -> !s.isMissingNode())
                  .toList();
          Problems p = Problems.of(acl);
          p.require(
              !limits.isEmpty(),
              "rate-limit",
              "has no rate-based rule",
              "add a rate-based rule keyed on IP");
          for (JsonNode limit : limits) {
            long perFiveMinutes =
                limit.path("limit").asLong()
                    * 300
                    / Math.max(60, limit.path("evaluationWindowSec").asLong(300));
            p.require(
                perFiveMinutes <= 2000,
                "rate-limit",
                "rate limit allows " + perFiveMinutes + " requests per 5 minutes",
                "lower it to 2000 or less (seed 001)");
          }
          return p.list();
        });
  }

  static Rule wafSqlInjection() {
    return Rule.of(
        "PL-06",
        "SQL injection rule present, blocking in prod (seed 001)",
        ADVISORY,
        ALL,
        "seed 001 (WAF SQLi rule)",
        List.of(Types.WEB_ACL),
        (acl, ctx) -> {
          Problems p = Problems.of(acl);
          JsonNode sqli = null;
          for (JsonNode rule : In.list(acl, "rules")) {
            JsonNode statement = rule.path("statement");
            if (statement.has("sqliMatchStatement")
                || statement
                    .path("managedRuleGroupStatement")
                    .path("name")
                    .asText()
                    .equals("AWSManagedRulesSQLiRuleSet")) {
              sqli = rule;
            }
          }
          p.require(
              sqli != null, "sqli", "has no SQL injection rule", "add AWSManagedRulesSQLiRuleSet");
          if (sqli != null && ctx.environment() == dev.plinth.config.Environment.PROD) {
            p.require(
                !sqli.path("overrideAction").has("count") && !sqli.path("action").has("count"),
                "sqli",
                "the SQL injection rule only counts in prod",
                "set it to block (plinth:edge.firewall.managedRules.sqlInjection: block)");
          }
          return p.list();
        });
  }
}
