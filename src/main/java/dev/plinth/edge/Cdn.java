package dev.plinth.edge;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionLoggingConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.EdgeSettings;
import dev.plinth.config.EdgeSettings.AccessLogs;
import dev.plinth.config.Environment;
import dev.plinth.storage.PrivateBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CDN: a CloudFront distribution in front of the load balancer, serving the domain with the
 * certificate, TLS 1.2+ to viewers and HTTP redirected to HTTPS, and HTTPS only (TLS 1.2) to the
 * load balancer with the secret origin header. {@code /api/*} and every path not listed pass
 * through uncached; the static paths of {@code plinth:edge.cdn.cachedPaths} are cached and
 * compressed. The edge web ACL filters every request; standard logs go to an ACL-enabled bucket;
 * the domain's alias record points here when the stack owns the zone's record.
 *
 * <p>Managed policies (CloudFront Developer Guide, read 2026-12-03): "Use managed cache policies"
 * gives CachingOptimized {@value #CACHING_OPTIMIZED} ("CloudFront doesn't include any query strings
 * or cookies in the cache key, and only includes the normalized Accept-Encoding header"; TTL 1 s to
 * 365 days, default 24 h) and CachingDisabled {@value #CACHING_DISABLED} (TTLs 0); "Use managed
 * origin request policies" gives AllViewer {@value #ALL_VIEWER} ("All headers in the viewer
 * request", all cookies, all query strings).
 *
 * <p>Why AllViewer, not AllViewerExceptHostHeader: CloudFront checks the load balancer's
 * certificate against the origin's domain name (the ALB's own DNS name, which the certificate does
 * not carry) or "The value of the Host header if you configured CloudFront to forward the Host
 * header to your origin"; otherwise "the SSL/TLS handshake fails, and CloudFront returns an HTTP
 * status code 502" (CloudFront Developer Guide, "HTTP 502 status code (Bad Gateway)", read
 * 2026-12-03). Forwarding the viewer's Host (the domain, on the certificate) makes the handshake
 * succeed; the application also needs its cookies, Authorization header and query strings.
 */
public final class Cdn extends Component {
  public static final String TYPE = "plinth:edge:Cdn";

  /** AWS managed cache policy CachingOptimized. */
  public static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

  /** AWS managed cache policy CachingDisabled. */
  public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

  /** AWS managed origin request policy AllViewer. */
  public static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";

  /** The API's path pattern: never cached. */
  public static final String API_PATHS = "/api/*";

  /** The load balancer's origin id within the distribution. */
  static final String ORIGIN_ID = "load-balancer";

  /** Every method, for the API and the default behaviour (the application takes POST, PUT...). */
  static final List<String> ALL_METHODS =
      List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE");

  /** The methods of the cached static paths, and what is cached of any behaviour. */
  static final List<String> READ_METHODS = List.of("GET", "HEAD");

  /**
   * What the distribution needs: the edge settings, the environment, the load balancer's DNS name
   * and the secret of its origin header, the certificate (in us-east-1) and the edge web ACL.
   */
  public record Args(
      EdgeSettings settings,
      Environment environment,
      Output<String> originDomainName,
      Output<String> originSecret,
      Output<String> certificateArn,
      Output<String> webAclArn) {}

  private final Distribution distribution;

  /** The logs bucket's ownership controls: CloudFront refuses a bucket whose ACLs are off. */
  private com.pulumi.resources.Resource logsReady;

  public Cdn(String name, Args args, ComponentResourceOptions options) {
    super(TYPE, name, options);
    EdgeSettings s = args.settings();
    BucketV2 logs = logBucket(args);
    distribution =
        new Distribution(
            child("distribution"),
            DistributionArgs.builder()
                .enabled(true)
                .comment("Plinth " + args.environment().key() + ": " + s.domain())
                .aliases(List.of(s.domain()))
                .priceClass(s.cdn().priceClass())
                .httpVersion("http2and3")
                .webAclId(args.webAclArn())
                .origins(origin(args))
                .defaultCacheBehavior(defaultBehaviour())
                .orderedCacheBehaviors(orderedBehaviours(s.cdn().cachedPaths()))
                .restrictions(
                    DistributionRestrictionsArgs.builder()
                        .geoRestriction(
                            DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType("none")
                                .build())
                        .build())
                .viewerCertificate(
                    DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(args.certificateArn())
                        .sslSupportMethod("sni-only")
                        .minimumProtocolVersion(s.cdn().minimumProtocolVersion())
                        .build())
                .loggingConfig(
                    DistributionLoggingConfigArgs.builder()
                        .bucket(logs.bucketDomainName())
                        .includeCookies(false)
                        .prefix("cloudfront/")
                        .build())
                .tags(Map.of("Name", child("distribution")))
                .build(),
            childOptions(List.of(logsReady)));
    if (s.aliasRecord() && s.hostedZoneId() != null) {
      new Record(
          child("dns"),
          RecordArgs.builder()
              .zoneId(s.hostedZoneId())
              .name(s.domain())
              .type("A")
              .aliases(
                  RecordAliasArgs.builder()
                      .name(distribution.domainName())
                      .zoneId(distribution.hostedZoneId())
                      // "You can't set EvaluateTargetHealth to true when the alias target is a
                      // CloudFront distribution" (botocore route53 2013-04-01,
                      // AliasTarget.EvaluateTargetHealth).
                      .evaluateTargetHealth(false)
                      .build())
              .build(),
          childOptions());
    }
    registerOutputs(
        Map.of(
            "domainName", distribution.domainName(),
            "distributionId", distribution.id()));
  }

  /**
   * The load balancer as the only origin: HTTPS only, TLS 1.2 only (the cloudfront model's {@code
   * CustomOriginConfig.OriginSslProtocols}), with the secret header its HTTPS listener requires.
   */
  private static DistributionOriginArgs origin(Args args) {
    return DistributionOriginArgs.builder()
        .originId(ORIGIN_ID)
        .domainName(args.originDomainName())
        .customOriginConfig(
            DistributionOriginCustomOriginConfigArgs.builder()
                .httpPort(LoadBalancer.HTTP)
                .httpsPort(LoadBalancer.HTTPS)
                .originProtocolPolicy("https-only")
                .originSslProtocols("TLSv1.2")
                .build())
        .customHeaders(
            DistributionOriginCustomHeaderArgs.builder()
                .name(LoadBalancer.ORIGIN_HEADER)
                .value(args.originSecret())
                .build())
        .build();
  }

  /** Everything not listed: passed through uncached, HTTP redirected to HTTPS. */
  private static DistributionDefaultCacheBehaviorArgs defaultBehaviour() {
    return DistributionDefaultCacheBehaviorArgs.builder()
        .targetOriginId(ORIGIN_ID)
        .viewerProtocolPolicy("redirect-to-https")
        .allowedMethods(ALL_METHODS)
        .cachedMethods(READ_METHODS)
        .compress(true)
        .cachePolicyId(CACHING_DISABLED)
        .originRequestPolicyId(ALL_VIEWER)
        .build();
  }

  /**
   * {@code /api/*} first, uncached, so that no cached pattern can take an API path (CloudFront
   * compares the path "with path patterns in the order in which cache behaviors are listed": the
   * cloudfront model's {@code CacheBehavior.PathPattern}); then each static path, cached.
   */
  static List<DistributionOrderedCacheBehaviorArgs> orderedBehaviours(List<String> cachedPaths) {
    List<DistributionOrderedCacheBehaviorArgs> behaviours = new ArrayList<>();
    behaviours.add(behaviour(API_PATHS, ALL_METHODS, CACHING_DISABLED));
    for (String path : cachedPaths) {
      behaviours.add(behaviour(path, READ_METHODS, CACHING_OPTIMIZED));
    }
    return behaviours;
  }

  private static DistributionOrderedCacheBehaviorArgs behaviour(
      String path, List<String> methods, String cachePolicy) {
    return DistributionOrderedCacheBehaviorArgs.builder()
        .pathPattern(path)
        .targetOriginId(ORIGIN_ID)
        .viewerProtocolPolicy("redirect-to-https")
        .allowedMethods(methods)
        .cachedMethods(READ_METHODS)
        .compress(true)
        .cachePolicyId(cachePolicy)
        .originRequestPolicyId(ALL_VIEWER)
        .build();
  }

  /**
   * The standard logs' bucket. CloudFront's standard logging (legacy) writes through bucket ACLs:
   * "Your bucket must have access control list (ACL) enabled", and "Don't choose an Amazon S3
   * bucket with S3 Object Ownership set to bucket owner enforced" (CloudFront Developer Guide,
   * "Configure standard logging (legacy)", read 2026-12-03). So object ownership is
   * BucketOwnerPreferred (ACLs on, the bucket owner owns what is written with {@code
   * bucket-owner-full-control}); public access stays blocked, SSE-S3, versioned, TLS only, and the
   * lifecycle of {@code plinth:edge.accessLogs}.
   */
  private BucketV2 logBucket(Args args) {
    AccessLogs settings = args.settings().accessLogs();
    var bucket =
        new BucketV2(
            child("logs"),
            BucketV2Args.builder()
                .forceDestroy(args.environment() == Environment.DEV)
                .tags(Map.of("Name", child("logs")))
                .build(),
            statefulOptions(args.environment().isProduction()));
    var parts =
        LogBucketParts.of(
            bucket, settings, "cdn-logs", "BucketOwnerPreferred", this::child, childOptions());
    var ownership = parts.ownership();
    var publicAccess = parts.publicAccess();
    new BucketPolicy(
        child("logs-policy"),
        BucketPolicyArgs.builder()
            .bucket(bucket.id())
            .policy(bucket.arn().applyValue(Cdn::logBucketPolicy))
            .build(),
        CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
    logsReady = ownership;
    return bucket;
  }

  /** The logs bucket's policy: nothing over plain HTTP (CloudFront writes through the ACL). */
  static String logBucketPolicy(String bucketArn) {
    return Json.policy(PrivateBucket.denyInsecureTransport(bucketArn));
  }

  /** The distribution's domain name ({@code d111111abcdef8.cloudfront.net}). */
  public Output<String> domainName() {
    return distribution.domainName();
  }

  /** The distribution's id. */
  public Output<String> distributionId() {
    return distribution.id();
  }
}
