package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.util.Locale;
import java.util.Map;

/** Elastic Load Balancing's answers: ARNs, ARN suffixes, the ALB's DNS name and hosted zone. */
final class ElbAnswers {
  private ElbAnswers() {}

  /**
   * The canonical hosted zone of Application Load Balancers per region (AWS's "Elastic Load
   * Balancing endpoints and quotas" table), for alias records; other regions get a made-up one.
   */
  private static final Map<String, String> ALB_ZONES =
      Map.of(
          "us-east-1", "Z35SXDOTRQ7X7K",
          "us-east-2", "Z3AADJGX6KTTL2",
          "us-west-1", "Z368ELLRRE2KJ0",
          "us-west-2", "Z1H1FL5HABSF5",
          "eu-west-1", "Z32O12XQLNTSW2",
          "eu-central-1", "Z215JYRZR1TBD5");

  private static String arnPrefix(String region) {
    return "arn:aws:elasticloadbalancing:" + region + ":" + MockCloud.ACCOUNT_ID + ":";
  }

  static void loadBalancer(String region, String id, Map<String, Object> state) {
    String name = String.valueOf(state.get("name"));
    String suffix = "app/" + name + "/" + hash(name).substring(0, 16);
    state.put("arn", arnPrefix(region) + "loadbalancer/" + suffix);
    state.put("arnSuffix", suffix);
    state.put(
        "dnsName",
        name
            + "-"
            + Long.parseLong(hash(name).substring(0, 8), 16) % 1_000_000_000L
            + "."
            + region
            + ".elb.amazonaws.com");
    state.put(
        "zoneId",
        ALB_ZONES.getOrDefault(
            region, "Z" + hash(region).substring(0, 13).toUpperCase(Locale.ROOT)));
  }

  static void targetGroup(String region, String id, Map<String, Object> state) {
    String name = String.valueOf(state.get("name"));
    String suffix = "targetgroup/" + name + "/" + hash(name).substring(0, 16);
    state.put("arn", arnPrefix(region) + suffix);
    state.put("arnSuffix", suffix);
  }

  /** A listener's ARN is its load balancer's, as a listener, plus a suffix of its own. */
  static void listener(String region, String id, Map<String, Object> state) {
    String lb = String.valueOf(state.get("loadBalancerArn"));
    state.put("arn", lb.replace(":loadbalancer/", ":listener/") + "/" + hash(id).substring(0, 16));
  }
}
