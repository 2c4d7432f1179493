package dev.plinth.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudFront's answers, and EC2's for the managed prefix list the load balancer admits CloudFront
 * by: deterministic ids in the formats AWS uses, so that the alias record and the security group
 * rule in the plan are complete.
 */
final class CdnAnswers {
  private CdnAnswers() {}

  static final String MANAGED_PREFIX_LIST = "aws:ec2/getManagedPrefixList:getManagedPrefixList";

  /**
   * The Route 53 hosted zone of every CloudFront distribution's alias target (AWS General
   * Reference, "Amazon CloudFront endpoints and quotas": Amazon Route 53 Hosted Zone ID
   * Z2FDTNDATAQYW2, read 2026-12-03).
   */
  static final String CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

  /** A distribution's id: 14 capitals and digits, from its name. */
  static String distributionId(String name) {
    return "E" + MockValues.hash(name).substring(0, 13).toUpperCase(Locale.ROOT);
  }

  /**
   * A distribution: an id of 14 capitals and digits ({@code EDFDVBD6EXAMPLE}), a domain name under
   * cloudfront.net, its ARN (global: no region), the alias zone, status Deployed.
   */
  static void distribution(String region, String id, Map<String, Object> state) {
    String hash = MockValues.hash(id);
    String distributionId = id;
    state.put(
        "arn", "arn:aws:cloudfront::" + MockCloud.ACCOUNT_ID + ":distribution/" + distributionId);
    state.put("domainName", "d" + hash.substring(13, 26) + ".cloudfront.net");
    state.put("hostedZoneId", CLOUDFRONT_ZONE_ID);
    state.put("status", "Deployed");
    state.put("etag", "E" + hash.substring(26, 39).toUpperCase(Locale.ROOT));
    state.put("callerReference", "terraform-" + hash.substring(0, 20));
  }

  /**
   * An AWS-managed prefix list found by name ({@code
   * com.amazonaws.global.cloudfront.origin-facing}): a {@code pl-} id derived from the name, owned
   * by AWS, IPv4, 55 entries at most (the weight the CloudFront list counts for in a security
   * group).
   */
  static Map<String, Object> managedPrefixList(String region, Object name) {
    String n = String.valueOf(name);
    String id = "pl-" + MockValues.hash(n).substring(0, 8);
    return Map.of(
        "id",
        id,
        "name",
        n,
        "arn",
        "arn:aws:ec2:" + region + ":aws:prefix-list/" + id,
        "addressFamily",
        "IPv4",
        "ownerId",
        "AWS",
        "maxEntries",
        55,
        "version",
        1,
        "entries",
        List.of(),
        "tags",
        Map.of());
  }
}
