package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;

/**
 * The CloudFront distribution in front of the load balancer ({@code plinth:edge.cdn}): a web ACL at
 * the edge, TLS 1.2+ to viewers, standard logs, HTTPS to viewers and to the origin, and a load
 * balancer that admits only CloudFront.
 */
final class CdnRules {
  private CdnRules() {}

  static List<Rule> all() {
    return List.of(webAcl(), viewerTls(), logging(), viewerHttps(), originHttps(), originLocked());
  }

  static Rule webAcl() {
    return Rule.of(
        "CDN-01",
        "distribution has a WAF web ACL",
        MANDATORY,
        ALL,
        "CKV_AWS_68",
        List.of(Types.DISTRIBUTION),
        (d, ctx) ->
            Problems.of(d)
                .require(
                    !In.text(d, "webAclId").orElse("").isBlank(),
                    "waf",
                    "no web ACL filters the distribution's requests",
                    "set webAclId to the ARN of a web ACL of scope CLOUDFRONT")
                .list());
  }

  /** The cloudfront model's MinimumProtocolVersion values of TLS 1.2 and newer. */
  static boolean tls12OrLater(String version) {
    return version.startsWith("TLSv1.2_") || version.startsWith("TLSv1.3_");
  }

  static Rule viewerTls() {
    return Rule.of(
        "CDN-02",
        "viewer certificate of its own with TLS 1.2+",
        MANDATORY,
        ALL,
        "CKV_AWS_174, CKV2_AWS_42",
        List.of(Types.DISTRIBUTION),
        (d, ctx) -> {
          String version = In.text(d, "viewerCertificate.minimumProtocolVersion").orElse("unset");
          return Problems.of(d)
              .require(
                  !In.isTrue(d, "viewerCertificate.cloudfrontDefaultCertificate")
                      && In.text(d, "viewerCertificate.acmCertificateArn").isPresent(),
                  "certificate",
                  "serves the default *.cloudfront.net certificate, whose TLS floor cannot be set",
                  "set viewerCertificate.acmCertificateArn to a certificate in us-east-1")
              .require(
                  tls12OrLater(version),
                  "tls",
                  "viewers may use TLS older than 1.2 (minimumProtocolVersion " + version + ")",
                  "set viewerCertificate.minimumProtocolVersion TLSv1.2_2021")
              .list();
        });
  }

  static Rule logging() {
    return Rule.of(
        "CDN-03",
        "standard access logs to S3",
        MANDATORY,
        ALL,
        "CKV_AWS_86",
        List.of(Types.DISTRIBUTION),
        (d, ctx) ->
            Problems.of(d)
                .require(
                    In.text(d, "loggingConfig.bucket").filter(b -> !b.isBlank()).isPresent(),
                    "logging",
                    "writes no access logs",
                    "set loggingConfig.bucket to an ACL-enabled log bucket")
                .list());
  }

  /** The default behaviour and every ordered one. */
  private static List<JsonNode> behaviours(RecordedResource d) {
    List<JsonNode> all = new ArrayList<>();
    d.input("defaultCacheBehavior").ifPresent(all::add);
    all.addAll(In.list(d, "orderedCacheBehaviors"));
    return all;
  }

  static Rule viewerHttps() {
    return Rule.of(
        "CDN-04",
        "viewers on HTTPS only (HTTP redirected)",
        MANDATORY,
        ALL,
        "CKV_AWS_34",
        List.of(Types.DISTRIBUTION),
        (d, ctx) -> {
          Problems p = Problems.of(d);
          for (JsonNode b : behaviours(d)) {
            String policy = b.path("viewerProtocolPolicy").asText("unset");
            String path = b.path("pathPattern").asText("*");
            p.require(
                policy.equals("redirect-to-https") || policy.equals("https-only"),
                "https",
                "behaviour " + path + " serves viewers over plain HTTP (" + policy + ")",
                "set its viewerProtocolPolicy redirect-to-https");
          }
          return p.list();
        });
  }

  static Rule originHttps() {
    return Rule.of(
        "CDN-05",
        "custom origins over HTTPS with TLS 1.2 only",
        MANDATORY,
        ALL,
        "CKV_AWS_34 (origin side), seed 004 (TLS 1.2+)",
        List.of(Types.DISTRIBUTION),
        (d, ctx) -> {
          Problems p = Problems.of(d);
          for (JsonNode origin : In.list(d, "origins")) {
            JsonNode custom = origin.path("customOriginConfig");
            if (custom.isMissingNode()) {
              continue;
            }
            String id = origin.path("originId").asText();
            p.require(
                custom.path("originProtocolPolicy").asText().equals("https-only"),
                "origin-https",
                "origin " + id + " is reached over HTTP",
                "set its customOriginConfig.originProtocolPolicy https-only");
            p.require(
                In.texts(custom.path("originSslProtocols")).equals(List.of("TLSv1.2")),
                "origin-tls",
                "origin " + id + " accepts SSL protocols older than TLSv1.2",
                "set its customOriginConfig.originSslProtocols [TLSv1.2]");
          }
          return p.list();
        });
  }

  /**
   * A load balancer a distribution fronts must not be reachable around it: no ingress rule of its
   * security groups admits an address block (only CloudFront's prefix list), and its HTTPS listener
   * forwards nothing by default (only a rule with the origin header does).
   */
  static Rule originLocked() {
    return Rule.of(
        "CDN-06",
        "a load balancer behind CloudFront admits only CloudFront and requires the origin header",
        MANDATORY,
        ALL,
        "AWS Networking blog \"Limit access to your origins using the AWS-managed prefix list for"
            + " Amazon CloudFront\" (origins open to all addresses let attacks bypass CloudFront)",
        List.of(Types.LB),
        (lb, ctx) -> {
          Problems p = Problems.of(lb);
          if (!fronted(lb, ctx)) {
            return p.list();
          }
          for (RecordedResource sg : ctx.referredBy(lb, Types.SG)) {
            for (RecordedResource rule : ctx.referring(sg, Types.SG_INGRESS)) {
              p.require(
                  In.text(rule, "cidrIpv4").isEmpty() && In.text(rule, "cidrIpv6").isEmpty(),
                  "cidr",
                  rule.name() + " admits an address block around CloudFront",
                  "admit only the prefix list com.amazonaws.global.cloudfront.origin-facing");
            }
          }
          for (RecordedResource listener : ctx.referring(lb, Types.LISTENER)) {
            if (!In.text(listener, "protocol").orElse("").equals("HTTPS")) {
              continue;
            }
            boolean forwardsAll =
                In.list(listener, "defaultActions").stream()
                    .anyMatch(a -> !a.path("type").asText().equals("fixed-response"));
            p.require(
                !forwardsAll,
                "header",
                listener.name() + " serves requests without the origin header",
                "make its default action a fixed 403 and forward only in a rule on the header");
          }
          return p.list();
        });
  }

  /**
   * Whether a distribution fronts the load balancer: one of this stack names it as its origin, or
   * the load balancer is the target of the pair's origin record ({@code origin.<domain>}, the
   * output {@code cdnOrigin}), which the primary's distribution names (Platform, CdnFront).
   */
  static boolean fronted(RecordedResource lb, PolicyContext ctx) {
    return !ctx.referring(lb, Types.DISTRIBUTION).isEmpty() || !originRecords(lb, ctx).isEmpty();
  }

  /** The pair's origin records that alias the load balancer. */
  static List<RecordedResource> originRecords(RecordedResource lb, PolicyContext ctx) {
    String origin = ctx.cdnOrigin();
    if (origin.isEmpty()) {
      return List.of();
    }
    return ctx.referring(lb, Types.RECORD).stream()
        .filter(r -> In.text(r, "name").orElse("").equals(origin))
        .toList();
  }

  /**
   * The distributions of this stack in front of the load balancer: naming it, or naming the origin
   * record that aliases it.
   */
  static List<RecordedResource> frontingDistributions(RecordedResource lb, PolicyContext ctx) {
    List<RecordedResource> out = new ArrayList<>(ctx.referring(lb, Types.DISTRIBUTION));
    if (!originRecords(lb, ctx).isEmpty()) {
      for (RecordedResource d : ctx.ofType(Types.DISTRIBUTION)) {
        boolean namesOrigin =
            In.list(d, "origins").stream()
                .anyMatch(o -> o.path("domainName").asText().equals(ctx.cdnOrigin()));
        if (namesOrigin && !out.contains(d)) {
          out.add(d);
        }
      }
    }
    return out;
  }
}
