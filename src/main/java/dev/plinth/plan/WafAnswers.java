package dev.plinth.plan;

import static dev.plinth.plan.MockValues.uuid;

import java.util.List;
import java.util.Map;

/** WAF's answers: ARNs of web ACLs and IP sets, and a web ACL's capacity as WAF counts it. */
final class WafAnswers {
  private WafAnswers() {}

  /** WAF capacity units of the AWS managed rule groups Plinth uses (AWS's rule group list). */
  private static final Map<String, Integer> MANAGED_GROUP_WCUS =
      Map.of(
          "AWSManagedRulesCommonRuleSet", 700,
          "AWSManagedRulesKnownBadInputsRuleSet", 200,
          "AWSManagedRulesSQLiRuleSet", 200,
          "AWSManagedRulesAmazonIpReputationList", 25);

  static void webAcl(String region, String id, Map<String, Object> state) {
    state.put("arn", regionalArn(region, "webacl", state, id));
    state.put("capacity", capacity(state.get("rules")));
    state.put("lockToken", uuid(id + "lock"));
  }

  static void ipSet(String region, String id, Map<String, Object> state) {
    state.put("arn", regionalArn(region, "ipset", state, id));
  }

  /**
   * A WAF ARN: {@code regional/} for a regional ACL or IP set, {@code global/} for one of scope
   * CLOUDFRONT (the cloudfront model's {@code DistributionConfig.WebACLId}: "for example
   * arn:aws:wafv2:us-east-1:123456789012:global/webacl/ExampleWebACL/...").
   */
  private static String regionalArn(
      String region, String kind, Map<String, Object> state, String id) {
    String scope = "CLOUDFRONT".equals(state.get("scope")) ? ":global/" : ":regional/";
    return "arn:aws:wafv2:"
        + region
        + ":"
        + MockCloud.ACCOUNT_ID
        + scope
        + kind
        + "/"
        + state.get("name")
        + "/"
        + uuid(id);
  }

  /**
   * A web ACL's capacity as WAF counts it: the managed groups' published WCUs, 2 for a rate-based
   * rule, 1 for an IP set or geographic match (a NOT adds nothing).
   */
  private static int capacity(Object rules) {
    int total = 0;
    if (rules instanceof List<?> list) {
      for (Object rule : list) {
        if (rule instanceof Map<?, ?> r && r.get("statement") instanceof Map<?, ?> statement) {
          total += statementCapacity(statement);
        }
      }
    }
    return total;
  }

  private static int statementCapacity(Map<?, ?> statement) {
    if (statement.get("managedRuleGroupStatement") instanceof Map<?, ?> group) {
      return MANAGED_GROUP_WCUS.getOrDefault(String.valueOf(group.get("name")), 100);
    }
    if (statement.containsKey("rateBasedStatement")) {
      return 2;
    }
    if (statement.get("notStatement") instanceof Map<?, ?> not
        && not.get("statements") instanceof List<?> inner) {
      return inner.stream()
          .filter(Map.class::isInstance)
          .mapToInt(s -> statementCapacity((Map<?, ?>) s))
          .sum();
    }
    return 1;
  }
}
