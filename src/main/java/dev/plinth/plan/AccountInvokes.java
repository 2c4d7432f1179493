package dev.plinth.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers to the invokes the program makes, for one stack's region: the caller's identity, the
 * partition, the region and its availability zones, AWS's public image parameters and AWS-managed
 * prefix lists by name. Other tokens have no answer.
 */
final class AccountInvokes {
  static final String CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
  static final String PARTITION = "aws:index/getPartition:getPartition";
  static final String REGION = "aws:index/getRegion:getRegion";
  static final String AVAILABILITY_ZONES = "aws:index/getAvailabilityZones:getAvailabilityZones";
  static final String SSM_PARAMETER = "aws:ssm/getParameter:getParameter";

  /** The public parameters that name AWS's images: the only parameters the program reads. */
  static final String IMAGE_PARAMETERS = "/aws/service/ami-amazon-linux-latest/";

  private final String region;

  AccountInvokes(String region) {
    this.region = region;
  }

  /**
   * The answer to the invoke of this token with these arguments; empty if there is none. A Systems
   * Manager parameter is answered only for AWS's public image parameters, with a deterministic
   * image id of that name.
   */
  Optional<Map<String, Object>> answer(String token, Map<?, ?> args) {
    if (token.equals(CdnAnswers.MANAGED_PREFIX_LIST)) {
      Object name = args.get("name");
      return name instanceof String n && n.startsWith("com.amazonaws.")
          ? Optional.of(CdnAnswers.managedPrefixList(region, n))
          : Optional.empty();
    }
    if (token.equals(SSM_PARAMETER)) {
      Object name = args.get("name");
      return name instanceof String n && n.startsWith(IMAGE_PARAMETERS)
          ? Optional.of(imageParameter(n))
          : Optional.empty();
    }
    return answer(token);
  }

  /**
   * A public image parameter: a String whose value is an image id (what GetParameter returns for
   * {@code /aws/service/ami-amazon-linux-latest/...}), the same id for the same name.
   */
  private Map<String, Object> imageParameter(String name) {
    String ami = "ami-0" + MockValues.hash(name).substring(0, 16);
    return Map.of(
        "name",
        name,
        "value",
        ami,
        "insecureValue",
        ami,
        "type",
        "String",
        "version",
        1,
        "arn",
        "arn:" + MockCloud.PARTITION + ":ssm:" + region + "::parameter" + name,
        "id",
        name,
        "withDecryption",
        true);
  }

  /** The answer to the invoke of this token; empty if there is none. */
  Optional<Map<String, Object>> answer(String token) {
    return Optional.ofNullable(
        switch (token) {
          case CALLER_IDENTITY -> callerIdentity();
          case PARTITION -> partition();
          case REGION -> region();
          case AVAILABILITY_ZONES -> zones();
          default -> null;
        });
  }

  private static Map<String, Object> callerIdentity() {
    return Map.of(
        "accountId",
        MockCloud.ACCOUNT_ID,
        "arn",
        "arn:aws:iam::" + MockCloud.ACCOUNT_ID + ":user/plinth-plan",
        "userId",
        "AIDAPLINTHPLANOFFLINE",
        "id",
        MockCloud.ACCOUNT_ID);
  }

  private static Map<String, Object> partition() {
    return Map.of(
        "partition",
        MockCloud.PARTITION,
        "dnsSuffix",
        "amazonaws.com",
        "reverseDnsPrefix",
        "com.amazonaws",
        "id",
        MockCloud.PARTITION);
  }

  private Map<String, Object> region() {
    return Map.of(
        "name", region,
        "id", region,
        "endpoint", "ec2." + region + ".amazonaws.com",
        "description", region);
  }

  /**
   * Six zones, a to f, as the largest regions have, each with its zone id in the region's code
   * ({@code us-east-1a} is {@code use1-az1} here; a real account maps names to ids its own way).
   * The answer ignores the call's {@code excludeZoneIds} (the arguments arrive as a Guava map, not
   * on the compile class path) and so includes us-east-1's use1-az3: {@link
   * dev.plinth.network.ZoneIds#choose} must leave it out itself, and the plan shows it does.
   */
  private Map<String, Object> zones() {
    String code = dev.plinth.network.ZoneIds.regionCode(region).orElse(region.replace("-", ""));
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      names.add(region + (char) ('a' + i));
      ids.add(code + "-az" + (i + 1));
    }
    return Map.of(
        "names", names,
        "zoneIds", ids,
        "groupNames", List.of(region),
        "id", region);
  }
}
