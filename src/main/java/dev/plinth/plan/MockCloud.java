package dev.plinth.plan;

import com.pulumi.test.Mocks;
import dev.plinth.policy.Types;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What AWS would answer, offline. Fills what the cloud computes (ids, ARNs, generated names) with
 * values derived from the resource's type and name, so every run gives the same plan and documents
 * built from them (policies, connection settings) are complete. A resource registered through an
 * AWS provider of another region (the disaster-recovery provider) gets ARNs and addresses of that
 * region. Answers only the invokes it knows; any other invoke fails, naming its token.
 */
public final class MockCloud implements Mocks {
  /** A placeholder account id (AWS's documentation example); no real account is asked. */
  public static final String ACCOUNT_ID = "123456789012";

  public static final String PARTITION = "aws";

  private static final Map<String, String> ID_PREFIXES =
      Map.ofEntries(
          Map.entry("aws:ec2/vpc:Vpc", "vpc-"),
          Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
          Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
          Map.entry("aws:ec2/eip:Eip", "eipalloc-"),
          Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
          Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
          Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-"),
          Map.entry("aws:ec2/networkAcl:NetworkAcl", "acl-"),
          Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
          Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "sg-"),
          Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-"),
          Map.entry("aws:ec2/flowLog:FlowLog", "fl-"),
          Map.entry("aws:ec2/launchTemplate:LaunchTemplate", "lt-"));

  private static final Set<String> BUCKETS =
      Set.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket");

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

  /** WAF capacity units of the AWS managed rule groups Plinth uses (AWS's rule group list). */
  private static final Map<String, Integer> MANAGED_GROUP_WCUS =
      Map.of(
          "AWSManagedRulesCommonRuleSet", 700,
          "AWSManagedRulesKnownBadInputsRuleSet", 200,
          "AWSManagedRulesSQLiRuleSet", 200,
          "AWSManagedRulesAmazonIpReputationList", 25);

  static final String AWS_PROVIDER = "pulumi:providers:aws";

  /** The stack's region: invokes answer for it, and resources of a provider without one. */
  private final String stackRegion;

  /** The region of each AWS provider registered so far, by the provider's name. */
  private final Map<String, String> providerRegions = new ConcurrentHashMap<>();

  public MockCloud(String region) {
    this.stackRegion = region;
  }

  /**
   * The region a resource is created in: its provider's, if that provider names one; else the
   * stack's. A provider reference is the provider's URN, {@code ::}, its id; the URN ends with the
   * provider's name.
   */
  String regionOf(String providerReference) {
    if (providerReference == null || providerReference.isEmpty()) {
      return stackRegion;
    }
    String[] parts = providerReference.split("::");
    return parts.length < 2
        ? stackRegion
        : providerRegions.getOrDefault(parts[parts.length - 2], stackRegion);
  }

  @Override
  public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
    Map<String, Object> state = new LinkedHashMap<>(args.inputs);
    if (args.type.equals(AWS_PROVIDER) && state.get("region") instanceof String providerRegion) {
      providerRegions.put(args.name, providerRegion);
    }
    String region = regionOf(args.provider);
    String id = idOf(args.type, args.name);
    if (args.type.equals(Types.RDS_BACKUP_REPLICATION)) {
      // Its id is the ARN of the replicated automated backups in the destination region.
      id =
          "arn:aws:rds:"
              + region
              + ":"
              + ACCOUNT_ID
              + ":auto-backup:ab-"
              + hash(args.name).substring(0, 26);
    }
    if (BUCKETS.contains(args.type)) {
      // A bucket's id is its name: the one given, or Pulumi's auto-name (lower case, as S3 wants).
      id =
          String.valueOf(
              state.getOrDefault(
                  "bucket", generatedName(args.name).toLowerCase(java.util.Locale.ROOT)));
      state.put("bucket", id);
    }
    if (args.type.startsWith("aws:")) {
      state.putIfAbsent("name", generatedName(args.name));
      state.putIfAbsent("arn", arn(region, args.type, id, String.valueOf(state.get("name"))));
      computed(region, args.type, id, state);
    }
    if (args.type.equals("random:index/randomPassword:RandomPassword")) {
      // Stable, not secret material: the plan shows it only as [secret].
      state.put("result", "offline-plan-" + hash(args.name).substring(0, 32));
    }
    state.putIfAbsent("id", id);
    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
  }

  private static void computed(String region, String type, String id, Map<String, Object> state) {
    String name = String.valueOf(state.get("name"));
    String elb = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT_ID + ":";
    switch (type) {
      case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
        state.put("arn", "arn:aws:s3:::" + id);
        state.put("bucketDomainName", id + ".s3.amazonaws.com");
        state.put("bucketRegionalDomainName", id + ".s3." + region + ".amazonaws.com");
        state.put("region", region);
      }
      case "aws:lb/loadBalancer:LoadBalancer" -> {
        String suffix = "app/" + name + "/" + hash(name).substring(0, 16);
        state.put("arn", elb + "loadbalancer/" + suffix);
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
                region, "Z" + hash(region).substring(0, 13).toUpperCase(java.util.Locale.ROOT)));
      }
      case "aws:lb/targetGroup:TargetGroup" -> {
        String suffix = "targetgroup/" + name + "/" + hash(name).substring(0, 16);
        state.put("arn", elb + suffix);
        state.put("arnSuffix", suffix);
      }
      case "aws:lb/listener:Listener" -> {
        String lb = String.valueOf(state.get("loadBalancerArn"));
        state.put(
            "arn", lb.replace(":loadbalancer/", ":listener/") + "/" + hash(id).substring(0, 16));
      }
      case "aws:acm/certificate:Certificate" -> {
        state.put("arn", "arn:aws:acm:" + region + ":" + ACCOUNT_ID + ":certificate/" + uuid(id));
        state.put("status", "PENDING_VALIDATION");
        state.put("domainValidationOptions", validationOptions(state));
      }
      case "aws:route53/record:Record" ->
          state.put("fqdn", name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
      case "aws:wafv2/webAcl:WebAcl" -> {
        state.put(
            "arn",
            "arn:aws:wafv2:"
                + region
                + ":"
                + ACCOUNT_ID
                + ":regional/webacl/"
                + name
                + "/"
                + uuid(id));
        state.put("capacity", capacity(state.get("rules")));
        state.put("lockToken", uuid(id + "lock"));
      }
      case "aws:wafv2/ipSet:IpSet" ->
          state.put(
              "arn",
              "arn:aws:wafv2:"
                  + region
                  + ":"
                  + ACCOUNT_ID
                  + ":regional/ipset/"
                  + name
                  + "/"
                  + uuid(id));
      case "aws:kms/key:Key" -> state.put("keyId", id);
      case "aws:rds/instance:Instance" -> {
        // The identifier given, as RDS keeps it; else Pulumi's auto-name.
        String identifier = String.valueOf(state.getOrDefault("identifier", state.get("name")));
        String address =
            identifier + "." + hash(id).substring(0, 12) + "." + region + ".rds.amazonaws.com";
        state.put("identifier", identifier);
        state.put("arn", "arn:aws:rds:" + region + ":" + ACCOUNT_ID + ":db:" + identifier);
        state.put("address", address);
        state.put("endpoint", address + ":5432");
        state.putIfAbsent("port", 5432);
        state.put(
            "resourceId", "db-" + hash(id).substring(0, 26).toUpperCase(java.util.Locale.ROOT));
        if (Boolean.TRUE.equals(state.get("manageMasterUserPassword"))) {
          state.put(
              "masterUserSecrets",
              List.of(
                  Map.of(
                      "secretArn",
                      "arn:aws:secretsmanager:"
                          + region
                          + ":"
                          + ACCOUNT_ID
                          + ":secret:rds!db-"
                          + hash(id).substring(0, 8)
                          + "-"
                          + hash(id).substring(8, 14),
                      "secretStatus",
                      "active")));
        }
      }
      case "aws:eks/cluster:Cluster" -> {
        String hex = hash(id).substring(0, 32).toUpperCase(java.util.Locale.ROOT);
        state.put("endpoint", "https://" + hex + ".gr7." + region + ".eks.amazonaws.com");
        state.put(
            "certificateAuthority",
            Map.of(
                "data",
                java.util.Base64.getEncoder().encodeToString(("offline-ca-" + hex).getBytes())));
        state.put(
            "identities",
            List.of(
                Map.of(
                    "oidcs",
                    List.of(
                        Map.of(
                            "issuer",
                            "https://oidc.eks." + region + ".amazonaws.com/id/" + hex)))));
        Map<String, Object> vpc = new LinkedHashMap<>();
        if (state.get("vpcConfig") instanceof Map<?, ?> given) {
          given.forEach((k, v) -> vpc.put(String.valueOf(k), v));
        }
        vpc.put("clusterSecurityGroupId", "sg-" + hash(id + "cluster").substring(0, 17));
        state.put("vpcConfig", vpc);
      }
      case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" ->
          state.put(
              "arn",
              "arn:aws:iam::"
                  + ACCOUNT_ID
                  + ":oidc-provider/"
                  + String.valueOf(state.get("url")).replaceFirst("^https://", ""));
      case "aws:eks/nodeGroup:NodeGroup" ->
          state.put(
              "resources",
              List.of(
                  Map.of(
                      "autoscalingGroups",
                      List.of(
                          Map.of(
                              "name",
                              "eks-" + state.get("name") + "-" + hash(id).substring(0, 8))))));
      case "aws:ec2/launchTemplate:LaunchTemplate" -> state.put("latestVersion", 1);
      case "aws:ecr/repository:Repository" ->
          state.put(
              "repositoryUrl",
              ACCOUNT_ID + ".dkr.ecr." + region + ".amazonaws.com/" + state.get("name"));
      case "aws:elasticache/replicationGroup:ReplicationGroup" ->
          state.put(
              "configurationEndpointAddress",
              "clustercfg." + id + "." + hash(id).substring(0, 6) + ".use1.cache.amazonaws.com");
      case "aws:ec2/vpc:Vpc" -> {
        state.put("defaultSecurityGroupId", "sg-" + hash(id).substring(0, 17));
        state.put("mainRouteTableId", "rtb-" + hash(id + "main").substring(0, 17));
      }
      case "aws:ec2/eip:Eip" ->
          state.put("publicIp", "203.0.113." + (Math.abs(id.hashCode()) % 250 + 1));
      default -> {
        // nothing else computed
      }
    }
  }

  /**
   * ACM's DNS validation records: one per name on the certificate, a wildcard sharing its base
   * name's record, as ACM answers.
   */
  private static List<Map<String, Object>> validationOptions(Map<String, Object> state) {
    List<String> names = new ArrayList<>();
    names.add(String.valueOf(state.get("domainName")));
    if (state.get("subjectAlternativeNames") instanceof List<?> sans) {
      sans.forEach(n -> names.add(String.valueOf(n)));
    }
    return names.stream()
        .distinct()
        .map(
            n -> {
              String base = n.startsWith("*.") ? n.substring(2) : n;
              String token = hash(base);
              return Map.<String, Object>of(
                  "domainName",
                  n,
                  "resourceRecordName",
                  "_" + token.substring(0, 32) + "." + base + ".",
                  "resourceRecordType",
                  "CNAME",
                  "resourceRecordValue",
                  "_" + token.substring(32, 64) + ".abcdefghij.acm-validations.aws.");
            })
        .toList();
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

  private static String uuid(String seed) {
    String h = hash(seed);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20, 32);
  }

  @Override
  public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
    Map<String, Object> result =
        switch (args.token) {
          case "aws:index/getCallerIdentity:getCallerIdentity" ->
              Map.of(
                  "accountId",
                  ACCOUNT_ID,
                  "arn",
                  "arn:aws:iam::" + ACCOUNT_ID + ":user/plinth-plan",
                  "userId",
                  "AIDAPLINTHPLANOFFLINE",
                  "id",
                  ACCOUNT_ID);
          case "aws:index/getPartition:getPartition" ->
              Map.of(
                  "partition",
                  PARTITION,
                  "dnsSuffix",
                  "amazonaws.com",
                  "reverseDnsPrefix",
                  "com.amazonaws",
                  "id",
                  PARTITION);
          case "aws:index/getRegion:getRegion" ->
              Map.of(
                  "name", stackRegion,
                  "id", stackRegion,
                  "endpoint", "ec2." + stackRegion + ".amazonaws.com",
                  "description", stackRegion);
          case "aws:index/getAvailabilityZones:getAvailabilityZones" -> zones();
          default -> null;
        };
    if (result == null) {
      return CompletableFuture.failedFuture(
          new UnsupportedOperationException(
              "the offline plan has no answer for invoke "
                  + args.token
                  + "; teach dev.plinth.plan.MockCloud a deterministic answer for it"));
    }
    return CompletableFuture.completedFuture(result);
  }

  /**
   * Six zones, a to f, as the largest regions have, each with its zone id in the region's code
   * ({@code us-east-1a} is {@code use1-az1} here; a real account maps names to ids its own way).
   * The answer ignores the call's {@code excludeZoneIds} (the arguments arrive as a Guava map, not
   * on the compile class path) and so includes us-east-1's use1-az3: {@link
   * dev.plinth.network.ZoneIds#choose} must leave it out itself, and the plan shows it does.
   */
  private Map<String, Object> zones() {
    String code =
        dev.plinth.network.ZoneIds.regionCode(stackRegion).orElse(stackRegion.replace("-", ""));
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      names.add(stackRegion + (char) ('a' + i));
      ids.add(code + "-az" + (i + 1));
    }
    return Map.of(
        "names", names,
        "zoneIds", ids,
        "groupNames", List.of(stackRegion),
        "id", stackRegion);
  }

  /** The id the mocks give a resource of this type and name. */
  public String idOf(String type, String name) {
    String prefix = ID_PREFIXES.get(type);
    if (prefix != null) {
      return prefix + hash(type + "/" + name).substring(0, 17);
    }
    if (type.equals("aws:kms/key:Key")) {
      String h = hash(type + "/" + name);
      return h.substring(0, 8)
          + "-"
          + h.substring(8, 12)
          + "-"
          + h.substring(12, 16)
          + "-"
          + h.substring(16, 20)
          + "-"
          + h.substring(20, 32);
    }
    return name + "-id";
  }

  /** Pulumi's auto-naming: the logical name and a random suffix (here a stable one). */
  static String generatedName(String name) {
    return name + "-" + hash(name).substring(0, 7);
  }

  private static String arn(String region, String type, String id, String name) {
    String module =
        type.substring(4, type.indexOf('/') > 0 ? type.indexOf('/') : type.indexOf(':', 4));
    return switch (type) {
      case "aws:iam/role:Role" -> "arn:aws:iam::" + ACCOUNT_ID + ":role/" + name;
      case "aws:iam/policy:Policy" -> "arn:aws:iam::" + ACCOUNT_ID + ":policy/" + name;
      case "aws:cloudwatch/logGroup:LogGroup" ->
          "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":log-group:" + name;
      case "aws:kms/key:Key" -> "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":key/" + id;
      case "aws:kms/alias:Alias" -> "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":" + name;
      default -> {
        String kind = type.substring(type.lastIndexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
        yield "arn:aws:" + module + ":" + region + ":" + ACCOUNT_ID + ":" + kind + "/" + id;
      }
    };
  }

  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
