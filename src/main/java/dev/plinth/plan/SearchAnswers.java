package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.util.Map;

/**
 * OpenSearch Service's answer: a domain's ARN ({@code arn:aws:es:<region>:<account>:domain/<name>},
 * the service's own prefix, not the provider module's) and its VPC endpoint's address.
 */
final class SearchAnswers {
  private SearchAnswers() {}

  static void domain(String region, String id, Map<String, Object> state) {
    String name = String.valueOf(state.get("domainName"));
    state.put("arn", "arn:aws:es:" + region + ":" + MockCloud.ACCOUNT_ID + ":domain/" + name);
    state.put("domainId", MockCloud.ACCOUNT_ID + "/" + name);
    state.put(
        "endpoint",
        "vpc-" + name + "-" + hash(name).substring(0, 26) + "." + region + ".es.amazonaws.com");
  }
}
