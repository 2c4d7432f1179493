package dev.plinth.edge;

import com.pulumi.core.Output;
import java.util.Optional;

/**
 * How a CloudFront distribution fronts the load balancer ({@code plinth:edge.cdn.enabled}): the
 * load balancer then admits only CloudFront's origin-facing servers and serves only requests that
 * carry the origin header's secret.
 *
 * <p>A stack alone: the distribution names the load balancer's own DNS name as its origin, and the
 * load balancer makes the secret ({@link #alone()}).
 *
 * <p>A disaster-recovery pair: one distribution, the primary's, serves the domain; its origin is
 * {@link #originName} ({@code origin.<domain>}), a Route 53 failover pair of records that the two
 * stacks' load balancers each hold one half of, like the domain's own pair without a CDN. When the
 * primary's health check fails, Route 53 answers CloudFront's lookups of the origin with the
 * standby's load balancer ("CloudFront honors the origin DNS TTL": AWS Networking & Content
 * Delivery blog, "Three advanced design patterns for high available applications using Amazon
 * CloudFront", read 2026-12-03), and every request method fails over (CloudFront's own origin
 * groups fail over only "when the HTTP method of the viewer request is GET, HEAD, or OPTIONS":
 * CloudFront Developer Guide, "Request and response behavior for origin groups", read 2026-12-03).
 * The standby's load balancer requires the primary's secret, which CloudFront sends whichever
 * region answers ({@link #inPair}).
 *
 * @param originName the origin's name when it is a failover pair; null for a stack alone
 * @param sharedSecret the origin header's secret when another stack made it (a standby's: its
 *     primary's); empty when this stack's load balancer makes it
 */
public record CdnFront(String originName, Optional<Output<String>> sharedSecret) {

  /** The prefix of the origin's name in a pair: {@code origin.} before the domain. */
  public static final String ORIGIN_PREFIX = "origin.";

  public static CdnFront alone() {
    return new CdnFront(null, Optional.empty());
  }

  /**
   * A stack of a failover pair: the origin is {@code origin.<domain>}; a standby passes its
   * primary's secret, a primary none (its load balancer makes it).
   */
  public static CdnFront inPair(String domain, Optional<Output<String>> primarySecret) {
    return new CdnFront(originName(domain), primarySecret);
  }

  /**
   * How a distribution fronts the load balancer of {@code config}, when {@code
   * plinth:edge.cdn.enabled}: alone, by the load balancer's name; in a failover pair, by the pair's
   * origin record, with {@code primarySecret} on a standby (its primary's origin secret).
   */
  public static java.util.Optional<CdnFront> of(
      dev.plinth.config.PlatformConfig config, Optional<Output<String>> primarySecret) {
    if (!config.edge().cdn().enabled()) {
      return Optional.empty();
    }
    if (!config.dr().inPair()) {
      return Optional.of(alone());
    }
    return Optional.of(
        inPair(config.edge().domain(), config.dr().standby() ? primarySecret : Optional.empty()));
  }

  /** The name of a pair's origin record for {@code domain}. */
  public static String originName(String domain) {
    return ORIGIN_PREFIX + domain;
  }

  /** Whether the origin is a failover pair of records rather than the load balancer's name. */
  public boolean failoverOrigin() {
    return originName != null;
  }
}
