package dev.plinth.edge;

import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.EdgeSettings.Cdn;
import dev.plinth.config.Environment;
import dev.plinth.config.PlatformConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure checks of {@code plinth:edge.cdn}: what CloudFront accepts, and what this platform can put
 * CloudFront in front of (a domain served over HTTPS from us-east-1; in a failover pair, a zone for
 * the pair's origin record). Each problem names the key, the value and what is allowed.
 */
public final class CdnValidation {
  static final String KEY = "plinth:edge.cdn";

  /** The rules of {@code plinth:edge.cdn}, as one check of the loader (dev.plinth.Checks). */
  public static final ConfigCheck CHECK = CdnValidation::validate;

  /**
   * The values of the cloudfront model's {@code MinimumProtocolVersion} (botocore cloudfront
   * 2020-05-31, botocore 1.43.11: SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016, TLSv1.2_2018,
   * TLSv1.2_2019, TLSv1.2_2021, TLSv1.3_2025, TLSv1.2_2025) that allow TLS 1.2 or newer only
   * (checkov CKV_AWS_174: CloudFront "configured to use TLS 1.2").
   */
  static final Set<String> TLS12_VERSIONS =
      Set.of("TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025");

  /**
   * The price classes of the cloudfront model's {@code PriceClass} (botocore cloudfront
   * 2020-05-31), which also lists {@code None}; Plinth accepts the three that name edges.
   */
  static final Set<String> PRICE_CLASSES =
      Set.of("PriceClass_100", "PriceClass_200", "PriceClass_All");

  /**
   * A path pattern with a leading slash ({@code /images/*.jpg}: the cloudfront model's {@code
   * CacheBehavior.PathPattern}, "You can optionally include a slash"), written with URL path
   * characters and {@code *}; Plinth requires the slash so that the API's prefix check is exact.
   */
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_\\-.*$/~\"'@:+&]{0,254}");

  /**
   * Cache behaviours a distribution may have (CloudFront quota "Cache behaviors per distribution":
   * 75).
   */
  static final int MAX_CACHED_PATHS = 74;

  /** The region CloudFront's certificates and its web ACLs' log groups live in. */
  public static final String CLOUDFRONT_REGION = "us-east-1";

  private CdnValidation() {}

  public static List<ConfigProblem> validate(PlatformConfig config) {
    EdgeSettings edge = config.edge();
    Cdn cdn = edge.cdn();
    List<ConfigProblem> problems = new ArrayList<>();
    if (!TLS12_VERSIONS.contains(cdn.minimumProtocolVersion())) {
      problems.add(
          ConfigProblem.of(
              KEY + ".minimumProtocolVersion",
              "must be a CloudFront security policy of TLS 1.2 or newer: "
                  + String.join(", ", TLS12_VERSIONS.stream().sorted().toList()),
              cdn.minimumProtocolVersion()));
    }
    if (!PRICE_CLASSES.contains(cdn.priceClass())) {
      problems.add(
          ConfigProblem.of(
              KEY + ".priceClass",
              "must be one of PriceClass_100, PriceClass_200, PriceClass_All",
              cdn.priceClass()));
    }
    cachedPaths(cdn.cachedPaths(), problems);
    if (cdn.enabled()) {
      placement(config, problems);
    }
    return problems;
  }

  private static void cachedPaths(List<String> paths, List<ConfigProblem> problems) {
    if (paths.size() > MAX_CACHED_PATHS) {
      problems.add(
          ConfigProblem.of(
              KEY + ".cachedPaths",
              "may name at most "
                  + MAX_CACHED_PATHS
                  + " patterns (CloudFront allows 75 cache behaviours; /api/* takes one)",
              paths.size()));
    }
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      if (path == null || !PATH.matcher(path).matches()) {
        problems.add(
            ConfigProblem.of(
                KEY + ".cachedPaths[" + i + "]",
                "must be a CloudFront path pattern starting with /, like /static/*",
                path));
      } else if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api*")) {
        problems.add(
            ConfigProblem.of(
                KEY + ".cachedPaths[" + i + "]",
                "must not cover the API: /api/* always passes through uncached",
                path));
      } else if (path.equals("/*") || path.equals("*")) {
        problems.add(
            ConfigProblem.of(
                KEY + ".cachedPaths[" + i + "]",
                "must not be every path: only static paths are cached (the default behaviour"
                    + " passes the rest through uncached)",
                path));
      }
    }
  }

  /**
   * What the CDN needs from the rest of the stack when it is on. A missing domain of a stack
   * without a certificate, and HTTP-only outside dev, are reported by {@link EdgeValidation}
   * already; they are not repeated here.
   */
  private static void placement(PlatformConfig config, List<ConfigProblem> problems) {
    EdgeSettings edge = config.edge();
    String enabled = KEY + ".enabled";
    // Without a certificate the edge reports the missing domain; HTTP-only is refused below or by
    // the edge. What is left: an existing certificate and no domain for CloudFront to serve.
    if (edge.domain() == null && edge.certificateArn() != null && !edge.httpOnly()) {
      problems.add(
          new ConfigProblem(
              enabled,
              enabled
                  + " is true but plinth:edge.domain is not set: CloudFront serves the application"
                  + " under the domain, with its certificate. Set plinth:edge.domain (and"
                  + " plinth:edge.hostedZoneId), or set "
                  + enabled
                  + ": false"));
    }
    if (edge.httpOnly() && config.environment() == Environment.DEV) {
      problems.add(
          ConfigProblem.of(
              enabled,
              "must be false when plinth:edge.httpOnly is true: CloudFront reaches the load"
                  + " balancer over HTTPS only",
              true));
    }
    if (config.dr().inPair() && (edge.hostedZoneId() == null || !edge.aliasRecord())) {
      problems.add(
          ConfigProblem.of(
              enabled,
              "must be false in a disaster-recovery failover pair without plinth:edge.hostedZoneId"
                  + " and plinth:edge.aliasRecord: the pair's CloudFront origin is the failover"
                  + " record "
                  + CdnFront.ORIGIN_PREFIX
                  + "<plinth:edge.domain> that each stack writes in that zone. Set both, or set "
                  + enabled
                  + ": false in both stacks of the pair",
              true));
    }
    // Outside us-east-1 Plinth requests CloudFront's certificate there, for the same names; an
    // existing certificate of the stack's region has no twin there that Plinth could name. A
    // standby creates no distribution (its primary's serves the pair).
    if (config.region() != null
        && !CLOUDFRONT_REGION.equals(config.region())
        && !config.dr().standby()
        && edge.certificateArn() != null) {
      problems.add(
          ConfigProblem.of(
              enabled,
              "must be false with plinth:edge.certificateArn outside "
                  + CLOUDFRONT_REGION
                  + " (aws:region is "
                  + config.region()
                  + "): CloudFront takes its certificate from "
                  + CLOUDFRONT_REGION
                  + ", and Plinth requests one there only for a certificate it requests itself."
                  + " Set plinth:edge.domain and plinth:edge.hostedZoneId instead of"
                  + " plinth:edge.certificateArn, or set "
                  + enabled
                  + ": false",
              true));
    }
  }
}
