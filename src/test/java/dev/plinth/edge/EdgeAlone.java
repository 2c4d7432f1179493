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
    var config = Plans.config(env, values);
    return Handles.build(
        ctx ->
            new LoadBalancer(
                "test-lb",
                new LoadBalancer.Args(
                    config.edge(),
                    config.environment(),
                    Handles.aws(),
                    Handles.placement("public"),
                    Handles.appTier(),
                    https ? Optional.of(Output.of(CERTIFICATE)) : Optional.empty()),
                none()));
  }

  static ResourceGraph firewall(String env, Map<String, ?> values) {
    var config = Plans.config(env, values);
    return Handles.build(
        ctx ->
            new Firewall(
                "test-waf",
                new Firewall.Args(
                    config.edge().firewall(),
                    env,
                    Handles.aws(),
                    Output.of(LOAD_BALANCER),
                    Handles.logs()),
                none()));
  }

  /**
   * The load balancer alone as {@code config} sets it, named as in its stack ({@code
   * <prefix>-edge-lb}), with the fake certificate unless the stack is HTTP-only.
   */
  static ResourceGraph loadBalancer(PlatformConfig config) {
    return Handles.build(
        ctx ->
            new LoadBalancer(
                config.prefix() + "-edge-lb",
                new LoadBalancer.Args(
                    config.edge(),
                    config.environment(),
                    Handles.aws(),
                    Handles.placement("public"),
                    Handles.appTier(),
                    config.edge().httpOnly()
                        ? Optional.empty()
                        : Optional.of(Output.of(CERTIFICATE))),
                none()));
  }

  /**
   * The firewall alone as {@code config} sets it, named as in its stack ({@code
   * <prefix>-edge-waf}).
   */
  static ResourceGraph firewall(PlatformConfig config) {
    return Handles.build(
        ctx ->
            new Firewall(
                config.prefix() + "-edge-waf",
                new Firewall.Args(
                    config.edge().firewall(),
                    config.environment().key(),
                    Handles.aws(),
                    Output.of(LOAD_BALANCER),
                    Handles.logs()),
                none()));
  }

  static ResourceGraph certificate(Certificate.Args args) {
    return Handles.build(ctx -> new Certificate("test-cert", args, none()));
  }
}
