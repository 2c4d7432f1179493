package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirewallTest {
  static final String ACL = "aws:wafv2/webAcl:WebAcl";
  static final String IP_SET = "aws:wafv2/ipSet:IpSet";
  static final ObjectMapper JSON = new ObjectMapper();

  static List<JsonNode> rulesByPriority(RecordedResource acl) {
    List<JsonNode> rules = new ArrayList<>();
    acl.input("rules").orElseThrow().forEach(rules::add);
    rules.sort(java.util.Comparator.comparingInt(r -> r.get("priority").asInt()));
    return rules;
  }

  /**
   * The firewall of a stack's plan: the load balancer's, or in staging and prod (behind CloudFront)
   * the edge's, which carries the same rules.
   */
  static String waf(String env) {
    return env.equals("dev") ? "dev-edge-waf" : env + "-edge-cdn-waf";
  }

  static List<String> names(List<JsonNode> rules) {
    return rules.stream().map(r -> r.get("name").asText()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theWebAclAllowsByDefaultAndRunsTheRateLimitThenTheManagedGroupsInOrder(String env) {
    RecordedResource acl = Plans.ofStack(env).get(ACL, waf(env) + "-acl");
    List<JsonNode> rules = rulesByPriority(acl);

    assertThat(acl.text("scope")).isEqualTo(env.equals("dev") ? "REGIONAL" : "CLOUDFRONT");
    assertThat(acl.input("defaultAction.allow")).as("default action of %s", acl).isPresent();
    assertThat(acl.input("defaultAction.block")).isEmpty();
    assertThat(names(rules))
        .as("rules of %s by priority", acl)
        .containsExactly(
            "rate-limit",
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet");
    assertThat(rules.stream().map(r -> r.get("priority").asInt()))
        .as("priorities of %s", acl)
        .doesNotHaveDuplicates();
    for (JsonNode rule : rules.subList(1, rules.size())) {
      assertThat(rule.at("/statement/managedRuleGroupStatement/vendorName").asText())
          .isEqualTo("AWS");
      assertThat(rule.at("/statement/managedRuleGroupStatement/name").asText())
          .isEqualTo(rule.get("name").asText());
      assertThat(rule.at("/overrideAction/none").isObject())
          .as("%s blocks (override none) in %s", rule.get("name"), env)
          .isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyRuleAndTheAclPublishMetricsAndSamples(String env) {
    RecordedResource acl = Plans.ofStack(env).get(ACL, waf(env) + "-acl");
    List<JsonNode> configs = new ArrayList<>();
    configs.add(acl.input("visibilityConfig").orElseThrow());
    rulesByPriority(acl).forEach(r -> configs.add(r.get("visibilityConfig")));

    assertThat(configs)
        .allSatisfy(
            v -> {
              assertThat(v.get("cloudwatchMetricsEnabled").asBoolean())
                  .as("metrics %s", v)
                  .isTrue();
              assertThat(v.get("sampledRequestsEnabled").asBoolean()).as("samples %s", v).isTrue();
              assertThat(v.get("metricName").asText()).startsWith("plinth-" + env + "-");
            });
    assertThat(configs.stream().map(v -> v.get("metricName").asText())).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource({"dev, 2000, 300", "staging, 100, 60", "prod, 100, 60"})
  void theRateLimitPerClientIpFollowsTheSeeds(String env, int limit, int window) {
    JsonNode rule = rulesByPriority(Plans.ofStack(env).get(ACL, waf(env) + "-acl")).get(0);

    assertThat(rule.at("/statement/rateBasedStatement/aggregateKeyType").asText()).isEqualTo("IP");
    assertThat(rule.at("/statement/rateBasedStatement/limit").asInt())
        .as("rate limit in %s", env)
        .isEqualTo(limit);
    assertThat(rule.at("/statement/rateBasedStatement/evaluationWindowSec").asInt())
        .as("rate window in %s", env)
        .isEqualTo(window);
    assertThat(rule.at("/action/block").isObject()).isTrue();
  }

  @Test
  void eachManagedGroupAndTheRateLimitCanBeSwitchedToCountMode() {
    RecordedResource acl =
        EdgeAlone.firewall(
                Plans.config(
                    "dev",
                    Map.of(
                        "plinth:edge",
                        Map.of(
                            "httpOnly",
                            true,
                            "firewall",
                            Map.of(
                                "rateLimit",
                                Map.of("action", "count"),
                                "managedRules",
                                Map.of("commonRuleSet", "count", "sqlInjection", "count"))))))
            .get(ACL, "dev-edge-waf-acl");
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    rulesByPriority(acl).forEach(r -> byName.put(r.get("name").asText(), r));

    assertThat(byName.get("rate-limit").at("/action/count").isObject()).isTrue();
    assertThat(byName.get("rate-limit").at("/action/block").isMissingNode()).isTrue();
    assertThat(byName.get("AWSManagedRulesCommonRuleSet").at("/overrideAction/count").isObject())
        .isTrue();
    assertThat(byName.get("AWSManagedRulesSQLiRuleSet").at("/overrideAction/count").isObject())
        .isTrue();
    assertThat(
            byName
                .get("AWSManagedRulesKnownBadInputsRuleSet")
                .at("/overrideAction/none")
                .isObject())
        .as("groups left alone still block")
        .isTrue();
  }

  @Test
  void ipListsAndAnAllowListOfCountriesComeFirst() {
    ResourceGraph plan =
        EdgeAlone.firewall(
            Plans.config(
                "prod",
                Map.of(
                    "plinth:edge",
                    Map.of(
                        "domain",
                        "app.example.com",
                        "hostedZoneId",
                        "Z0123456789ABC",
                        "firewall",
                        Map.of(
                            "allowedIps",
                            List.of("198.51.100.0/24"),
                            "blockedIps",
                            List.of("203.0.113.7/32", "192.0.2.0/24"),
                            "allowedCountries",
                            List.of("DE", "AT"))))));
    List<JsonNode> rules = rulesByPriority(plan.get(ACL, "prod-edge-waf-acl"));
    RecordedResource allowed = plan.get(IP_SET, "prod-edge-waf-allowed-ips");
    RecordedResource blocked = plan.get(IP_SET, "prod-edge-waf-blocked-ips");

    assertThat(names(rules).subList(0, 4))
        .containsExactly("allowed-ips", "blocked-ips", "geo-allow-only", "rate-limit");
    assertThat(strings(allowed.input("addresses").orElseThrow()))
        .containsExactly("198.51.100.0/24");
    assertThat(strings(blocked.input("addresses").orElseThrow()))
        .containsExactly("203.0.113.7/32", "192.0.2.0/24");
    assertThat(blocked.text("scope")).isEqualTo("REGIONAL");
    assertThat(rules.get(0).at("/action/allow").isObject()).isTrue();
    assertThat(rules.get(0).at("/statement/ipSetReferenceStatement/arn").asText())
        .contains(":regional/ipset/prod-edge-waf-allowed-ips-");
    assertThat(rules.get(1).at("/action/block").isObject()).isTrue();
    assertThat(rules.get(1).at("/statement/ipSetReferenceStatement/arn").asText())
        .contains(":regional/ipset/prod-edge-waf-blocked-ips-");
    assertThat(rules.get(2).at("/action/block").isObject()).isTrue();
    assertThat(
            strings(
                rules
                    .get(2)
                    .at("/statement/notStatement/statements/0/geoMatchStatement/countryCodes")))
        .as("everything not from these countries is blocked")
        .containsExactly("DE", "AT");
  }

  @Test
  void aBlockListOfCountriesIsBlockedDirectly() {
    List<JsonNode> rules =
        rulesByPriority(
            EdgeAlone.firewall(
                    Plans.config(
                        "dev",
                        Map.of(
                            "plinth:edge",
                            Map.of(
                                "httpOnly",
                                true,
                                "firewall",
                                Map.of("blockedCountries", List.of("KP"))))))
                .get(ACL, "dev-edge-waf-acl"));

    assertThat(rules.get(0).get("name").asText()).isEqualTo("geo-block");
    assertThat(strings(rules.get(0).at("/statement/geoMatchStatement/countryCodes")))
        .containsExactly("KP");
    assertThat(rules.get(0).at("/action/block").isObject()).isTrue();
  }

  @Test
  void withEveryOptionTheAclStaysWithinTheBasePriceOf1500Wcus() {
    ResourceGraph plan =
        EdgeAlone.firewall(
            Plans.config(
                "dev",
                Map.of(
                    "plinth:edge",
                    Map.of(
                        "httpOnly",
                        true,
                        "firewall",
                        Map.of(
                            "allowedIps", List.of("198.51.100.0/24"),
                            "blockedIps", List.of("192.0.2.0/24"),
                            "allowedCountries", List.of("DE"))))));
    RecordedResource acl = plan.get(ACL, "dev-edge-waf-acl");
    int wcus = 0;
    for (JsonNode rule : rulesByPriority(acl)) {
      String group = rule.at("/statement/managedRuleGroupStatement/name").asText("");
      wcus +=
          switch (group) {
            case "AWSManagedRulesCommonRuleSet" -> 700;
            case "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet" -> 200;
            case "AWSManagedRulesAmazonIpReputationList" -> 25;
            default -> rule.at("/statement/rateBasedStatement").isObject() ? 2 : 1;
          };
    }
    assertThat(wcus)
        .as("WCUs of %s (AWS's published group capacities)", acl)
        .isLessThanOrEqualTo(1500);
  }

  @ParameterizedTest
  // staging's and prod's ACLs are at the CloudFront edge, named by the distribution (CdnTest); prod
  // is its preset alone without the CDN here.
  @ValueSource(strings = {"dev", "prod"})
  void theAclIsAssociatedWithTheLoadBalancer(String env) {
    ResourceGraph plan = LoadBalancerTest.withoutCdn(env);
    RecordedResource association =
        plan.get("aws:wafv2/webAclAssociation:WebAclAssociation", env + "-edge-waf-association");

    assertThat(association.text("resourceArn"))
        .startsWith(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/"
                + env
                + "-edge-lb-alb-");
    assertThat(association.text("webAclArn")).isEqualTo(plan.outputs().get("webAclArn").asText());
  }

  @ParameterizedTest
  @CsvSource({"dev, 7", "staging, 7", "prod, 30"})
  void wafLogsGoToAnEncryptedAwsWafLogsGroupWithoutCredentials(String env, int days)
      throws Exception {
    ResourceGraph plan = Plans.ofStack(env);
    RecordedResource group = plan.get("aws:cloudwatch/logGroup:LogGroup", waf(env) + "-logs");
    RecordedResource logging =
        plan.get(
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
            waf(env) + "-logging");

    assertThat(group.text("name")).as("WAF requires the prefix").startsWith("aws-waf-logs-");
    assertThat(group.input("retentionInDays").orElseThrow().asInt()).isEqualTo(days);
    assertThat(group.text("kmsKeyId")).isEqualTo(plan.outputs().get("logsKeyArn").asText());
    assertThat(strings(logging.input("logDestinationConfigs").orElseThrow()))
        .containsExactly("arn:aws:logs:us-east-1:123456789012:log-group:" + group.text("name"));
    assertThat(logging.text("resourceArn")).isEqualTo(plan.outputs().get("webAclArn").asText());
    List<String> redacted = new ArrayList<>();
    logging
        .input("redactedFields")
        .orElseThrow()
        .forEach(f -> redacted.add(f.at("/singleHeader/name").asText()));
    assertThat(redacted).containsExactlyInAnyOrder("authorization", "cookie");

    JsonNode policy =
        JSON.readTree(
            plan.get(
                    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", waf(env) + "-logs-policy")
                .text("policyDocument"));
    JsonNode statement = policy.get("Statement").get(0);
    assertThat(statement.at("/Principal/Service").asText())
        .isEqualTo("delivery.logs.amazonaws.com");
    assertThat(statement.get("Resource").asText())
        .isEqualTo(
            "arn:aws:logs:us-east-1:123456789012:log-group:"
                + group.text("name")
                + ":log-stream:*");
    assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText())
        .isEqualTo("123456789012");
  }

  static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
