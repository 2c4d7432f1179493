package dev.plinth.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.config.PlatformConfig;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.Map;
import java.util.Optional;

/** Builds one edge component alone from an environment's settings and hand-made handles. */
final class EdgeAlone {
  static final String CERTIFICATE =
      "arn:aws:acm:us-east-1:" + Handles.ACCOUNT + ":certificate/test-certificate";
  static final String LOAD_BALANCER =
      "arn:aws:elasticloadbalancing:us-east-1:"
          + Handles.ACCOUNT
          + ":loadbalancer/app/test-alb/0123456789abcdef";

  private EdgeAlone() {}

  static ComponentResourceOptions none() {
    return ComponentResourceOptions.builder().build();
  }

  /** The load balancer of {@code env}'s settings, with the fake certificate when {@code https}. */
  static ResourceGraph loadBalancer(String env, Map<String, ?> values, boolean https) {
    return loadBalancer("test-lb", Plans.config(env, values), https);
  }

  static ResourceGraph firewall(String env, Map<String, ?> values) {
    return firewall("test-waf", Plans.config(env, values));
  }

  /**
   * The load balancer alone as {@code config} sets it, named as in its stack ({@code
   * <prefix>-edge-lb}), with the fake certificate unless the stack is HTTP-only.
   */
  static ResourceGraph loadBalancer(PlatformConfig config) {
    return loadBalancer(config.prefix() + "-edge-lb", config, !config.edge().httpOnly());
  }

  /**
   * The firewall alone as {@code config} sets it, named as in its stack ({@code
   * <prefix>-edge-waf}).
   */
  static ResourceGraph firewall(PlatformConfig config) {
    return firewall(config.prefix() + "-edge-waf", config);
  }

  /** The load balancer of {@code config}, named {@code test-lb}, with the fake certificate. */
  static ResourceGraph testLoadBalancer(PlatformConfig config) {
    return loadBalancer("test-lb", config, true);
  }

  /** The routing of {@code config}'s record, as the platform decides it. */
  static DnsRouting routing(PlatformConfig config) {
    return DnsRouting.of(config.stack(), config.dr().standby(), config.dr().standbyStack() != null);
  }

  private static ResourceGraph loadBalancer(String name, PlatformConfig config, boolean https) {
    DnsRouting routing = routing(config);
    return Handles.build(
        ctx ->
            new LoadBalancer(
                name,
                new LoadBalancer.Args(
                    config.edge(),
                    config.environment(),
                    Handles.aws(),
                    Handles.placement("public"),
                    Handles.appTier(),
                    https ? Optional.of(Output.of(CERTIFICATE)) : Optional.empty(),
                    routing,
                    cdnFront(config)),
                none()));
  }

  /** What a standby behind the pair's CDN is handed as its primary's origin secret. */
  static final String PRIMARY_SECRET = "primary-origin-secret";

  /** How a distribution fronts the load balancer, as the platform decides it. */
  static Optional<CdnFront> cdnFront(PlatformConfig config) {
    return CdnFront.of(config, Optional.of(Output.ofSecret(PRIMARY_SECRET)));
  }

  /** A stack file's {@code plinth:edge} with a domain, its zone, and the CDN off. */
  static Map<String, Object> noCdn(String domain) {
    return Map.of(
        "domain", domain, "hostedZoneId", "Z00000000PLACEHOLDER", "cdn", Map.of("enabled", false));
  }

  /** prod's standby, prod-dr, in us-west-2, with {@code extra} values. */
  static dev.plinth.config.RawConfig standbyRaw(Map<String, Object> extra) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("aws:region", "us-west-2");
    values.put("plinth:backups", Map.of("drRegion", "us-east-2"));
    values.put("plinth:dr", Map.of("role", "standby", "primaryStack", "prod"));
    values.putAll(extra);
    return Plans.raw("prod", values);
  }

  /** prod with its standby prod-dr, with {@code extra} values. */
  static dev.plinth.config.RawConfig primaryRaw(Map<String, Object> extra) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("plinth:dr", Map.of("standbyStack", "prod-dr"));
    values.putAll(extra);
    return Plans.raw("prod", values);
  }

  private static ResourceGraph firewall(String name, PlatformConfig config) {
    return Handles.build(
        ctx ->
            new Firewall(
                name,
                new Firewall.Args(
                    config.edge().firewall(),
                    config.environment().key(),
                    Handles.aws(),
                    Optional.of(Output.of(LOAD_BALANCER)),
                    Handles.logs()),
                none()));
  }

  static ResourceGraph certificate(Certificate.Args args) {
    return Handles.build(ctx -> new Certificate("test-cert", args, none()));
  }
}
