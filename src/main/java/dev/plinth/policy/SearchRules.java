package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Amazon OpenSearch Service: the search domain. The anchors are checkov's checks for
 * aws_opensearch_domain (each id read in checkov's source: CKV_AWS_5 encrypted at rest, CKV_AWS_247
 * with a customer key, CKV_AWS_6 node-to-node, CKV_AWS_137 in a VPC, CKV_AWS_83 HTTPS, CKV_AWS_228
 * TLS policy, CKV_AWS_84 logging, CKV_AWS_317 audit logging, CKV_AWS_318 three dedicated masters).
 */
final class SearchRules {
  private SearchRules() {}

  /** The log types a domain must publish: errors, audit, and both slow logs. */
  static final Set<String> LOG_TYPES =
      Set.of("ES_APPLICATION_LOGS", "AUDIT_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS");

  /** The TLS policy that still admits TLS 1.0 and 1.1 (opensearch 2021-01-01 TLSSecurityPolicy). */
  static final String TLS_1_0 = "Policy-Min-TLS-1-0-2019-07";

  static List<Rule> all() {
    return List.of(atRest(), nodeToNode(), inVpc(), https(), logging(), zones(), fineGrained());
  }

  static Rule atRest() {
    return Rule.of(
        "OS-01",
        "encryption at rest with a KMS key",
        MANDATORY,
        ALL,
        "CKV_AWS_5, CKV_AWS_247",
        List.of(Types.SEARCH_DOMAIN),
        (d, ctx) ->
            Problems.of(d)
                .require(
                    In.isTrue(d, "encryptAtRest.enabled")
                        && In.text(d, "encryptAtRest.kmsKeyId").isPresent(),
                    "encryption",
                    "indexes are not encrypted at rest with a customer-managed key",
                    "set encryptAtRest.enabled true and encryptAtRest.kmsKeyId")
                .list());
  }

  static Rule nodeToNode() {
    return Rule.of(
        "OS-02",
        "node-to-node encryption",
        MANDATORY,
        ALL,
        "CKV_AWS_6",
        List.of(Types.SEARCH_DOMAIN),
        (d, ctx) ->
            Problems.of(d)
                .require(
                    In.isTrue(d, "nodeToNodeEncryption.enabled"),
                    "tls",
                    "traffic between the domain's nodes is not encrypted",
                    "set nodeToNodeEncryption.enabled true")
                .list());
  }

  static Rule inVpc() {
    return Rule.of(
        "OS-03",
        "inside the VPC",
        MANDATORY,
        ALL,
        "CKV_AWS_137",
        List.of(Types.SEARCH_DOMAIN),
        (d, ctx) ->
            Problems.of(d)
                .require(
                    !In.list(d, "vpcOptions.subnetIds").isEmpty()
                        && !In.list(d, "vpcOptions.securityGroupIds").isEmpty(),
                    "vpc",
                    "the domain has a public endpoint: it is not placed in the VPC",
                    "set vpcOptions.subnetIds (private subnets) and vpcOptions.securityGroupIds")
                .list());
  }

  static Rule https() {
    return Rule.of(
        "OS-04",
        "HTTPS only, TLS 1.2 or later",
        MANDATORY,
        ALL,
        "CKV_AWS_83, CKV_AWS_228",
        List.of(Types.SEARCH_DOMAIN),
        (d, ctx) -> {
          String policy = In.text(d, "domainEndpointOptions.tlsSecurityPolicy").orElse(TLS_1_0);
          return Problems.of(d)
              .require(
                  In.isTrue(d, "domainEndpointOptions.enforceHttps"),
                  "https",
                  "the endpoint accepts plain HTTP",
                  "set domainEndpointOptions.enforceHttps true")
              .require(
                  !policy.equals(TLS_1_0),
                  "tls",
                  "the endpoint accepts TLS 1.0 and 1.1 (" + policy + ")",
                  "set domainEndpointOptions.tlsSecurityPolicy to Policy-Min-TLS-1-2-PFS-2023-10")
              .list();
        });
  }

  static Rule logging() {
    return Rule.of(
        "OS-05",
        "application, audit and slow logs to CloudWatch Logs",
        MANDATORY,
        ALL,
        "CKV_AWS_84, CKV_AWS_317",
        List.of(Types.SEARCH_DOMAIN),
        (d, ctx) -> {
          Set<String> published = new java.util.TreeSet<>();
          for (JsonNode option : In.list(d, "logPublishingOptions")) {
            boolean enabled = !option.has("enabled") || option.get("enabled").asBoolean();
            if (enabled && option.hasNonNull("cloudwatchLogGroupArn")) {
              published.add(option.path("logType").asText());
            }
          }
          Set<String> missing = new java.util.TreeSet<>(LOG_TYPES);
          missing.removeAll(published);
          return Problems.of(d)
              .require(
                  missing.isEmpty(),
                  "logs",
                  "the domain does not publish " + String.join(", ", missing),
                  "add logPublishingOptions for each log type, to an encrypted log group")
              .list();
        });
  }

  static Rule zones() {
    return Rule.of(
        "OS-06",
        "zone awareness and three dedicated masters",
        MANDATORY,
        ALL,
        "CKV_AWS_318",
        List.of(Types.SEARCH_DOMAIN),
        (d, ctx) ->
            Problems.of(d)
                .require(
                    In.isTrue(d, "clusterConfig.zoneAwarenessEnabled")
                        && In.integer(d, "clusterConfig.zoneAwarenessConfig.availabilityZoneCount")
                                .orElse(2)
                            >= 2,
                    "zones",
                    "the domain's nodes sit in one availability zone",
                    "set clusterConfig.zoneAwarenessEnabled true with availabilityZoneCount 2 or 3")
                .require(
                    In.isTrue(d, "clusterConfig.dedicatedMasterEnabled")
                        && In.integer(d, "clusterConfig.dedicatedMasterCount").orElse(0) >= 3,
                    "masters",
                    "the domain has fewer than three dedicated master nodes",
                    "set clusterConfig.dedicatedMasterEnabled true and dedicatedMasterCount 3")
                .list());
  }

  static Rule fineGrained() {
    return Rule.of(
        "OS-07",
        "fine-grained access control, no anonymous access",
        MANDATORY,
        ALL,
        "OpenSearch Developer Guide: fine-grained access control",
        List.of(Types.SEARCH_DOMAIN),
        (d, ctx) ->
            Problems.of(d)
                .require(
                    In.isTrue(d, "advancedSecurityOptions.enabled")
                        && !In.isTrue(d, "advancedSecurityOptions.anonymousAuthEnabled"),
                    "access",
                    "requests are not authenticated by fine-grained access control",
                    "set advancedSecurityOptions.enabled true, anonymousAuthEnabled false and a"
                        + " masterUserOptions.masterUserArn")
                .list());
  }
}
