package dev.plinth.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.PlatformConfig;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.PolicyMode;
import dev.plinth.policy.Types;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code plan --all}'s look at the account as a whole. Each stack passes its own rules, but stacks
 * that deploy into one AWS account (the same {@code plinth:account}) also share its namespaces and
 * its quotas, and AWS refuses the second stack's create (or, for a few APIs, silently takes over
 * the first stack's resource). Over the recorded graphs of every stack, three kinds of check, each
 * a mandatory failure that names both stacks and the resource:
 *
 * <ul>
 *   <li>names AWS requires to be unique in an account, in an account's region, or (S3 buckets) in
 *       every account: {@link #NAMES};
 *   <li>singletons, of which an account (or an account's region) can have one: {@link #SINGLETONS};
 *   <li>default quotas summed over the stacks of one account and region: {@link #QUOTAS}.
 * </ul>
 *
 * <p>A name is checked only where the program sets it: an input left out is auto-named by Pulumi
 * (the logical name plus a random suffix), which cannot collide. Pure over the graphs, so that
 * tests build them with GraphBuilder.
 */
public final class AccountCheck {

  /** How far a name (or a singleton) must be unique. */
  public enum Scope {
    /** Every AWS account in the partition: S3 bucket names. */
    EVERY_ACCOUNT("every AWS account"),
    /** One account, all its regions (IAM, budgets, dashboards). */
    ACCOUNT("the account"),
    /** One account's region. */
    REGION("the account's region"),
    /** One Route 53 hosted zone (which stacks of any account may share), per record type. */
    HOSTED_ZONE("the hosted zone, per record type");

    private final String text;

    Scope(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * A resource type whose name AWS requires to be unique within {@code scope}.
   *
   * @param type the Pulumi type token
   * @param input the input that carries the name
   * @param what what a reader calls it
   * @param ignoreCase AWS does not distinguish names by case
   * @param source the API model (botocore service, version, operation, field or error) it comes
   *     from
   * @param qualifiers inputs that are part of the key besides the scope (a record's zone and type)
   */
  public record UniqueName(
      String type,
      String input,
      Scope scope,
      String what,
      boolean ignoreCase,
      String source,
      List<String> qualifiers) {
    public UniqueName(
        String type, String input, Scope scope, String what, boolean ignoreCase, String source) {
      this(type, input, scope, what, ignoreCase, source, List.of());
    }
  }

  /**
   * A resource type of which a scope holds one; with {@code keyInput}, one per value of that input.
   */
  public record Singleton(String type, String keyInput, Scope scope, String what, String source) {}

  /**
   * A default quota per account and region ({@code perZone}: per availability zone), summed over
   * the stacks that share them.
   */
  public record Quota(
      String key, String type, String what, int limit, boolean perZone, String source) {}

  /** Names that are unique per account, region or everywhere; botocore 1.43.11 models. */
  public static final List<UniqueName> NAMES =
      List.of(
          new UniqueName(
              Types.ECR,
              "name",
              Scope.REGION,
              "ECR repository",
              false,
              "ecr 2015-09-21 CreateRepository: RepositoryAlreadyExistsException, \"already exists"
                  + " in the specified registry\"; the registry is the account's (registryId) in"
                  + " the client's region"),
          new UniqueName(
              Types.ROLE,
              "name",
              Scope.ACCOUNT,
              "IAM role",
              true,
              "iam 2010-05-08 CreateRole, RoleName: \"must be unique within the account. Names are"
                  + " not distinguished by case\""),
          new UniqueName(
              Types.POLICY,
              "name",
              Scope.ACCOUNT,
              "IAM policy",
              true,
              "iam 2010-05-08 CreatePolicy, PolicyName: \"must be unique within the account\""),
          new UniqueName(
              "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
              "url",
              Scope.ACCOUNT,
              "IAM OIDC provider",
              false,
              "iam 2010-05-08 CreateOpenIDConnectProvider, Url: \"You cannot register the same"
                  + " provider multiple times in a single Amazon Web Services account\""),
          new UniqueName(
              "aws:budgets/budget:Budget",
              "name",
              Scope.ACCOUNT,
              "budget",
              false,
              "budgets 2016-10-20 CreateBudget: DuplicateRecordException, \"Budget names must be"
                  + " unique within an account\""),
          new UniqueName(
              "aws:cloudwatch/dashboard:Dashboard",
              "dashboardName",
              Scope.ACCOUNT,
              "CloudWatch dashboard",
              false,
              "cloudwatch 2010-08-01 PutDashboard, DashboardName: \"If a dashboard with this name"
                  + " already exists, this call modifies that dashboard\" (the second stack takes"
                  + " over the first's); a dashboard's ARN has no region:"
                  + " arn:aws:cloudwatch::account-id:dashboard/dashboard-name"),
          new UniqueName(
              Types.ALARM,
              "name",
              Scope.REGION,
              "CloudWatch alarm",
              false,
              "cloudwatch 2010-08-01 PutMetricAlarm, AlarmName: \"must be unique within the"
                  + " Region\" (a second put overwrites the alarm)"),
          new UniqueName(
              Types.TRAIL,
              "name",
              Scope.REGION,
              "CloudTrail trail",
              false,
              "cloudtrail 2013-11-01 CreateTrail: TrailAlreadyExistsException"),
          new UniqueName(
              Types.LOG_GROUP,
              "name",
              Scope.REGION,
              "log group",
              false,
              "logs 2014-03-28 CreateLogGroup: \"Log group names must be unique within a Region for"
                  + " an Amazon Web Services account\"; ResourceAlreadyExistsException"),
          new UniqueName(
              "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
              "policyName",
              Scope.REGION,
              "CloudWatch Logs resource policy",
              false,
              "logs 2014-03-28 PutResourcePolicy: \"Creates or updates a resource policy\" (a"
                  + " second put replaces the first stack's)"),
          new UniqueName(
              Types.SECRET,
              "name",
              Scope.REGION,
              "Secrets Manager secret",
              false,
              "secretsmanager 2017-10-17 CreateSecret: ResourceExistsException"),
          new UniqueName(
              "aws:kms/alias:Alias",
              "name",
              Scope.REGION,
              "KMS alias",
              false,
              "kms 2014-11-01 CreateAlias: \"The alias must be unique in the account and Region\";"
                  + " AlreadyExistsException"),
          new UniqueName(
              Types.RDS,
              "identifier",
              Scope.REGION,
              "DB instance",
              true,
              "rds 2014-10-31 CreateDBInstance: DBInstanceAlreadyExistsFault; DBInstanceIdentifier"
                  + " \"is stored as a lowercase string\""),
          new UniqueName(
              Types.RDS,
              "finalSnapshotIdentifier",
              Scope.REGION,
              "final DB snapshot (taken on destroy)",
              true,
              "rds 2014-10-31 DeleteDBInstance, FinalDBSnapshotIdentifier:"
                  + " DBSnapshotAlreadyExistsFault (the second stack's destroy fails)"),
          new UniqueName(
              "aws:rds/subnetGroup:SubnetGroup",
              "name",
              Scope.REGION,
              "DB subnet group",
              true,
              "rds 2014-10-31 CreateDBSubnetGroup: DBSubnetGroupAlreadyExistsFault"),
          new UniqueName(
              Types.RDS_PARAMETERS,
              "name",
              Scope.REGION,
              "DB parameter group",
              true,
              "rds 2014-10-31 CreateDBParameterGroup: DBParameterGroupAlreadyExistsFault"),
          new UniqueName(
              Types.CACHE,
              "replicationGroupId",
              Scope.REGION,
              "ElastiCache replication group",
              true,
              "elasticache 2015-02-02 CreateReplicationGroup: ReplicationGroupAlreadyExistsFault;"
                  + " ReplicationGroupId \"is stored as a lowercase string\""),
          new UniqueName(
              Types.CACHE,
              "finalSnapshotIdentifier",
              Scope.REGION,
              "final ElastiCache snapshot (taken on destroy)",
              false,
              "elasticache 2015-02-02 DeleteReplicationGroup, FinalSnapshotIdentifier:"
                  + " SnapshotAlreadyExistsFault (the second stack's destroy fails)"),
          new UniqueName(
              "aws:elasticache/subnetGroup:SubnetGroup",
              "name",
              Scope.REGION,
              "cache subnet group",
              true,
              "elasticache 2015-02-02 CreateCacheSubnetGroup: CacheSubnetGroupAlreadyExistsFault"),
          new UniqueName(
              "aws:elasticache/parameterGroup:ParameterGroup",
              "name",
              Scope.REGION,
              "cache parameter group",
              true,
              "elasticache 2015-02-02 CreateCacheParameterGroup:"
                  + " CacheParameterGroupAlreadyExistsFault"),
          new UniqueName(
              Types.EKS,
              "name",
              Scope.REGION,
              "EKS cluster",
              false,
              "eks 2017-11-01 CreateCluster, name: \"must be unique within the Amazon Web Services"
                  + " Region and Amazon Web Services account\""),
          new UniqueName(
              Types.BACKUP_VAULT,
              "name",
              Scope.REGION,
              "backup vault",
              false,
              "backup 2018-11-15 CreateBackupVault, BackupVaultName: \"unique to the account used"
                  + " to create them and the Amazon Web Services Region\"; AlreadyExistsException"),
          new UniqueName(
              Types.LB,
              "name",
              Scope.REGION,
              "load balancer",
              false,
              "elbv2 2015-12-01 CreateLoadBalancer, Name: \"must be unique per region per"
                  + " account\""),
          new UniqueName(
              Types.TARGET_GROUP,
              "name",
              Scope.REGION,
              "target group",
              false,
              "elbv2 2015-12-01 CreateTargetGroup, Name: \"must be unique per region per"
                  + " account\""),
          new UniqueName(
              "aws:sns/topic:Topic",
              "name",
              Scope.REGION,
              "SNS topic",
              false,
              "sns 2010-03-31 CreateTopic: \"if the requester already owns a topic with the"
                  + " specified name, that topic's ARN is returned without creating a new topic\""
                  + " (the stacks would share, and destroy, one topic)"),
          new UniqueName(
              Types.WEB_ACL,
              "name",
              Scope.REGION,
              "WAF web ACL",
              false,
              "wafv2 2019-07-29 CreateWebACL: WAFDuplicateItemException"),
          new UniqueName(
              "aws:route53/record:Record",
              "name",
              Scope.HOSTED_ZONE,
              "DNS record",
              true,
              "route53 2013-04-01 ChangeResourceRecordSets, Change.Action: CREATE \"Creates a"
                  + " resource record set\" (refused when it exists), UPSERT (allowOverwrite)"
                  + " \"updates it\" (the second stack takes over the first's); names compare"
                  + " without case and trailing dot; ResourceRecordSet.SetIdentifier"
                  + " \"differentiates among multiple resource record sets that have the same"
                  + " combination of name and type\" (a failover pair's two records)",
              List.of("zoneId", "type", "setIdentifier")),
          new UniqueName(
              Types.BUCKET,
              "bucket",
              Scope.EVERY_ACCOUNT,
              "S3 bucket",
              false,
              "s3 2006-03-01 CreateBucket: BucketAlreadyExists, \"The bucket namespace is shared"
                  + " by all users of the system\""),
          new UniqueName(
              Types.LEGACY_BUCKET,
              "bucket",
              Scope.EVERY_ACCOUNT,
              "S3 bucket",
              false,
              "s3 2006-03-01 CreateBucket: BucketAlreadyExists, \"The bucket namespace is shared"
                  + " by all users of the system\""));

  /** One of a kind per account or region. */
  public static final List<Singleton> SINGLETONS =
      List.of(
          new Singleton(
              "aws:guardduty/detector:Detector",
              null,
              Scope.REGION,
              "GuardDuty detector",
              "guardduty 2017-11-28 CreateDetector: \"You can have only one detector per account"
                  + " per Region\""),
          new Singleton(
              "aws:costexplorer/costAllocationTag:CostAllocationTag",
              "tagKey",
              Scope.ACCOUNT,
              "cost allocation tag activation",
              "ce 2017-10-25 UpdateCostAllocationTagsStatus: one status per tag key for the"
                  + " account; activating an active tag \"doesn't have any effect\", so two stacks"
                  + " would own one setting and either's change or destroy changes it for both"),
          new Singleton(
              "aws:ssm/document:Document",
              "name",
              Scope.REGION,
              "SSM document",
              "ssm 2014-11-06 CreateDocument: DocumentAlreadyExists, \"The specified document"
                  + " already exists\"; SSM-SessionManagerRunShell holds the Session Manager"
                  + " preferences of the account's region (Systems Manager User Guide, \"Start a"
                  + " default shell session...\"), so one stack per account and region owns it"
                  + " (plinth:access.sessionPreferences)"));

  /**
   * Default quotas per account and region, from the Amazon VPC User Guide page "Amazon VPC quotas"
   * (docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html, read 2026-12-02) and the
   * CloudWatch Logs model. An account whose quota AWS raised says so in {@code plinth:quotas}
   * (every stack of the account and region the same), and the check counts against that. Reaching
   * one fails as well as exceeding it: Pulumi replaces a resource by creating the new one before
   * deleting the old (unless deleteBeforeReplace), so a region at its quota cannot replace an
   * Elastic IP or a NAT gateway; and a new account's region already holds one VPC and its internet
   * gateway, the default VPC.
   */
  public static final List<Quota> QUOTAS =
      List.of(
          new Quota(
              "elasticIps",
              Types.EIP,
              "Elastic IP addresses",
              5,
              false,
              "Amazon VPC User Guide, \"Amazon VPC quotas\": Elastic IP addresses per Region, default"
                  + " 5"),
          new Quota(
              "vpcs",
              Types.VPC,
              "VPCs",
              5,
              false,
              "Amazon VPC User Guide, \"Amazon VPC quotas\": VPCs per Region, default 5"),
          new Quota(
              "internetGateways",
              "aws:ec2/internetGateway:InternetGateway",
              "internet gateways",
              5,
              false,
              "Amazon VPC User Guide, \"Amazon VPC quotas\": Internet gateways per Region, default"
                  + " 5"),
          new Quota(
              "natGatewaysPerZone",
              Types.NAT,
              "NAT gateways",
              5,
              true,
              "Amazon VPC User Guide, \"Amazon VPC quotas\": NAT gateways per Availability Zone,"
                  + " default 5"),
          new Quota(
              "logResourcePolicies",
              "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
              "CloudWatch Logs resource policies",
              10,
              false,
              "logs 2014-03-28 PutResourcePolicy: \"An account can have a maximum of 10 policies"
                  + " without resourceARN\" per Region"));

  /** One planned stack and where it deploys. */
  public record Stack(
      String name,
      String account,
      String region,
      ResourceGraph graph,
      Map<String, Integer> quotas) {
    public Stack {
      quotas = Map.copyOf(quotas);
    }

    /** A stack that declares no raised quota. */
    public Stack(String name, String account, String region, ResourceGraph graph) {
      this(name, account, region, graph, Map.of());
    }

    public static Stack of(PlatformConfig config, ResourceGraph graph) {
      return new Stack(config.stack(), config.account(), config.region(), graph, config.quotas());
    }
  }

  /**
   * One failure: which check, a sentence naming the stacks and the resource, and the stacks and
   * their resources' logical names (none for a quota) for the JSON.
   */
  public record Failure(String check, String message, List<String> stacks, List<String> resources) {
    public Failure {
      stacks = List.copyOf(stacks);
      resources = List.copyOf(resources);
    }
  }

  /** A quota's use in one account and region (or zone): the count per stack. */
  public record Usage(Quota quota, String where, Map<String, Integer> byStack, int limit) {
    /** Whether the limit is a quota the stacks declared raised rather than AWS's default. */
    public boolean raised() {
      return limit != quota.limit();
    }

    public int total() {
      return byStack.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean reaches() {
      return total() >= limit;
    }

    String describe() {
      return quota.what()
          + " in "
          + where
          + ": "
          + byStack.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(" + "))
          + " = "
          + total()
          + (reaches() ? (total() > limit ? ", more than" : ", which reaches") : " of")
          + (raised()
              ? " the raised quota (plinth:quotas." + quota.key() + ") of "
              : " the default quota of ")
          + limit
          + (quota.perZone() ? " per availability zone" : " per Region");
    }
  }

  /** The verdict over all stacks. */
  public record Result(List<Stack> stacks, List<Failure> failures, List<Usage> usage) {
    public Result {
      failures = List.copyOf(failures);
      usage = List.copyOf(usage);
    }

    public boolean passes() {
      return failures.isEmpty();
    }

    /** 3 when enforcing and a check fails, else 0 (as a failing mandatory rule). */
    public int exitCode(PolicyMode mode) {
      return mode == PolicyMode.ENFORCE && !passes() ? Review.POLICY_VIOLATIONS : 0;
    }

    public void print(PrintStream out, PolicyMode mode) {
      out.println(
          "Account check ("
              + mode.key()
              + "): "
              + stacks.size()
              + (stacks.size() == 1 ? " stack in " : " stacks in ")
              + groups()
              + "; "
              + NAMES.size()
              + " kinds of unique name, "
              + SINGLETONS.size()
              + " singletons, "
              + QUOTAS.size()
              + " default quotas; "
              + failures.size()
              + (failures.size() == 1 ? " mandatory failure" : " mandatory failures"));
      failures.forEach(f -> out.println("    FAIL mandatory " + f.check() + ": " + f.message()));
      usage.stream()
          .filter(u -> !u.reaches())
          .forEach(u -> out.println("    pass quota: " + u.describe()));
      out.println(passes() ? "Account check passes." : "Account check fails.");
    }

    private String groups() {
      Map<String, List<String>> byPlace = new LinkedHashMap<>();
      for (Stack s : stacks) {
        byPlace
            .computeIfAbsent("account " + s.account() + ", " + s.region(), k -> new ArrayList<>())
            .add(s.name());
      }
      return byPlace.entrySet().stream()
          .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
          .collect(Collectors.joining("; "));
    }

    public ObjectNode toJson(PolicyMode mode) {
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.put("mode", mode.key());
      doc.put("passes", passes());
      ObjectNode accounts = doc.putObject("stacks");
      stacks.forEach(
          s -> accounts.putObject(s.name()).put("account", s.account()).put("region", s.region()));
      ArrayNode fails = doc.putArray("failures");
      for (Failure f : failures) {
        ObjectNode o = fails.addObject().put("check", f.check()).put("message", f.message());
        f.stacks().forEach(o.putArray("stacks")::add);
        f.resources().forEach(o.putArray("resources")::add);
      }
      ArrayNode quotas = doc.putArray("quotas");
      for (Usage u : usage) {
        ObjectNode q = quotas.addObject();
        q.put("quota", u.quota().what());
        q.put("where", u.where());
        q.put("limit", u.limit());
        q.put("defaultLimit", u.quota().limit());
        q.put("total", u.total());
        ObjectNode by = q.putObject("byStack");
        u.byStack().forEach(by::put);
      }
      return doc;
    }
  }

  private AccountCheck() {}

  /** Checks the stacks together. */
  public static Result check(List<Stack> stacks) {
    List<Failure> failures = new ArrayList<>();
    for (UniqueName n : NAMES) {
      failures.addAll(collisions(stacks, n));
    }
    for (Singleton s : SINGLETONS) {
      failures.addAll(duplicates(stacks, s));
    }
    failures.addAll(disagreements(stacks));
    List<Usage> usage = new ArrayList<>();
    for (Quota q : QUOTAS) {
      for (Usage u : usage(stacks, q)) {
        usage.add(u);
        if (u.reaches()) {
          failures.add(
              new Failure(
                  "quota",
                  u.describe()
                      + " ("
                      + u.quota().source()
                      + "); leave at least one free: put the stacks in different accounts"
                      + " (plinth:account) or regions, or have AWS raise the quota and declare it"
                      + " in each stack (plinth:quotas."
                      + u.quota().key()
                      + ")",
                  u.byStack().keySet().stream().filter(k -> !k.equals(DEFAULT_VPC)).toList(),
                  List.of()));
        }
      }
    }
    return new Result(stacks, failures, usage);
  }

  /** A resource of one stack, where it lives. */
  private record Placed(Stack stack, RecordedResource resource, String account, String region) {
    String label() {
      return stack.name() + " (" + resource.name() + ")";
    }
  }

  private static List<Failure> collisions(List<Stack> stacks, UniqueName n) {
    Map<String, List<Placed>> byKey = new LinkedHashMap<>();
    for (Stack s : stacks) {
      for (RecordedResource r : s.graph().ofType(n.type())) {
        Optional<String> name =
            r.input(n.input()).filter(JsonNode::isValueNode).map(JsonNode::asText);
        if (name.isEmpty() || name.get().isBlank()) {
          continue; // auto-named by Pulumi: unique by construction
        }
        Placed p = place(s, r);
        String value = n.ignoreCase() ? name.get().toLowerCase(Locale.ROOT) : name.get();
        if (n.scope() == Scope.HOSTED_ZONE && value.endsWith(".")) {
          value = value.substring(0, value.length() - 1);
        }
        StringBuilder key = new StringBuilder(scopeKey(n.scope(), p));
        for (String q : n.qualifiers()) {
          key.append('|').append(r.input(q).map(JsonNode::asText).orElse(""));
        }
        byKey.computeIfAbsent(key + "|" + value, k -> new ArrayList<>()).add(p);
      }
    }
    List<Failure> out = new ArrayList<>();
    byKey.forEach(
        (key, placed) -> {
          if (placed.size() < 2) {
            return;
          }
          Placed first = placed.get(0);
          String name = first.resource().text(n.input());
          out.add(
              new Failure(
                  "unique name",
                  n.what()
                      + " "
                      + name
                      + " ("
                      + n.type()
                      + " "
                      + n.input()
                      + ") is created by "
                      + placed.stream().map(Placed::label).collect(Collectors.joining(" and "))
                      + " in "
                      + where(n.scope(), first)
                      + qualified(n, first)
                      + "; names must be unique in "
                      + n.scope().text()
                      + " ("
                      + n.source()
                      + ")",
                  stacksOf(placed),
                  resourcesOf(placed)));
        });
    return out;
  }

  private static List<Failure> duplicates(List<Stack> stacks, Singleton s) {
    Map<String, List<Placed>> byKey = new LinkedHashMap<>();
    for (Stack stack : stacks) {
      for (RecordedResource r : stack.graph().ofType(s.type())) {
        Placed p = place(stack, r);
        String key =
            s.keyInput() == null
                ? ""
                : r.input(s.keyInput()).map(JsonNode::asText).orElse("(unknown)");
        byKey.computeIfAbsent(scopeKey(s.scope(), p) + "|" + key, k -> new ArrayList<>()).add(p);
      }
    }
    List<Failure> out = new ArrayList<>();
    byKey.forEach(
        (key, placed) -> {
          if (placed.size() < 2) {
            return;
          }
          Placed first = placed.get(0);
          String what =
              s.what() + (s.keyInput() == null ? "" : " " + first.resource().text(s.keyInput()));
          out.add(
              new Failure(
                  "singleton",
                  what
                      + " is created by "
                      + placed.stream().map(Placed::label).collect(Collectors.joining(" and "))
                      + " in "
                      + where(s.scope(), first)
                      + ", which can hold one ("
                      + s.source()
                      + "); create it in one stack only, or outside Plinth",
                  stacksOf(placed),
                  resourcesOf(placed)));
        });
    return out;
  }

  private static List<String> stacksOf(List<Placed> placed) {
    return placed.stream().map(p -> p.stack().name()).distinct().toList();
  }

  private static List<String> resourcesOf(List<Placed> placed) {
    return placed.stream().map(p -> p.resource().name()).toList();
  }

  /**
   * What every account already holds in each region before any stack: its default VPC and that
   * VPC's internet gateway. An account created after 2013-12-04 has a default VPC in each Region
   * (Pulumi AWS, aws.ec2.DefaultVpc), at most one (ec2 2016-11-15 CreateDefaultVpc: "You cannot
   * have more than one default VPC per Region"), with an internet gateway attached. An account that
   * deleted it has room for one more; it counts here all the same.
   */
  static final String DEFAULT_VPC = "default VPC";

  private static final java.util.Set<String> COUNTS_DEFAULT_VPC =
      java.util.Set.of("vpcs", "internetGateways");

  private static List<Usage> usage(List<Stack> stacks, Quota q) {
    Map<String, Map<String, Integer>> byPlace = new LinkedHashMap<>();
    for (Stack s : stacks) {
      for (RecordedResource r : s.graph().ofType(q.type())) {
        Placed p = place(s, r);
        String where = where(Scope.REGION, p);
        if (q.perZone()) {
          where += ", zone " + zone(s.graph(), r);
        }
        byPlace
            .computeIfAbsent(
                where,
                k -> {
                  Map<String, Integer> counts = new LinkedHashMap<>();
                  if (COUNTS_DEFAULT_VPC.contains(q.key())) {
                    counts.put(DEFAULT_VPC, 1);
                  }
                  return counts;
                })
            .merge(s.name(), 1, Integer::sum);
      }
    }
    List<Usage> out = new ArrayList<>();
    byPlace.forEach(
        (where, byStack) -> out.add(new Usage(q, where, byStack, limit(stacks, q, where))));
    return out;
  }

  /**
   * The quota of one account and region: what its stacks declare in {@code plinth:quotas} (the
   * highest, if they differ: {@link #disagreements} fails that), else AWS's default.
   */
  private static int limit(List<Stack> stacks, Quota q, String where) {
    return stacks.stream()
        .filter(s -> where.equals(regionWhere(s)) || where.startsWith(regionWhere(s) + ","))
        .map(s -> s.quotas().get(q.key()))
        .filter(java.util.Objects::nonNull)
        .max(Integer::compare)
        .orElse(q.limit());
  }

  private static String regionWhere(Stack s) {
    return "account " + s.account() + ", " + s.region();
  }

  /**
   * Stacks of one account and region that declare different values for one quota: a quota is the
   * account's, so at most one of them is right.
   */
  private static List<Failure> disagreements(List<Stack> stacks) {
    List<Failure> out = new ArrayList<>();
    Map<String, List<Stack>> byRegion = new LinkedHashMap<>();
    stacks.forEach(s -> byRegion.computeIfAbsent(regionWhere(s), k -> new ArrayList<>()).add(s));
    byRegion.forEach(
        (where, group) -> {
          for (Quota q : QUOTAS) {
            Map<String, String> said = new LinkedHashMap<>();
            group.forEach(
                s ->
                    said.put(
                        s.name(),
                        s.quotas().containsKey(q.key())
                            ? String.valueOf(s.quotas().get(q.key()))
                            : "the default " + q.limit()));
            if (new java.util.HashSet<>(said.values()).size() > 1) {
              out.add(
                  new Failure(
                      "quota",
                      q.what()
                          + " quota in "
                          + where
                          + ": the stacks disagree ("
                          + said.entrySet().stream()
                              .map(e -> e.getKey() + " says " + e.getValue())
                              .collect(Collectors.joining(", "))
                          + "); a quota is the account's: set plinth:quotas."
                          + q.key()
                          + " alike in each",
                      List.copyOf(said.keySet()),
                      List.of()));
            }
          }
        });
    return out;
  }

  /** The zone of a NAT gateway: its subnet's (by id), as the plan records it. */
  private static String zone(ResourceGraph graph, RecordedResource nat) {
    String subnetId = nat.input("subnetId").map(JsonNode::asText).orElse("");
    return graph.ofType(Types.SUBNET).stream()
        .filter(s -> s.id() != null && s.id().equals(subnetId))
        .findFirst()
        .flatMap(s -> s.input("availabilityZoneId").or(() -> s.input("availabilityZone")))
        .map(JsonNode::asText)
        .orElse("of subnet " + (subnetId.isEmpty() ? "(unknown)" : subnetId));
  }

  private static Placed place(Stack s, RecordedResource r) {
    return new Placed(s, r, s.account(), region(s, r));
  }

  /** The region of the resource's provider (a DR provider, say), else the stack's. */
  private static String region(Stack s, RecordedResource r) {
    if (r.provider() == null || r.provider().isEmpty()) {
      return s.region();
    }
    int cut = r.provider().lastIndexOf("::");
    String urn = cut < 0 ? r.provider() : r.provider().substring(0, cut);
    return s.graph()
        .byUrn(urn)
        .flatMap(p -> p.input("region"))
        .map(JsonNode::asText)
        .filter(t -> !t.isBlank())
        .orElse(s.region());
  }

  private static String qualified(UniqueName n, Placed p) {
    return n.qualifiers().stream()
        .filter(q -> !q.equals("zoneId"))
        .filter(q -> !q.equals("setIdentifier") || p.resource().input(q).isPresent())
        .map(q -> ", " + q + " " + p.resource().input(q).map(JsonNode::asText).orElse("(unknown)"))
        .collect(Collectors.joining());
  }

  private static String scopeKey(Scope scope, Placed p) {
    return switch (scope) {
      case EVERY_ACCOUNT, HOSTED_ZONE -> "";
      case ACCOUNT -> p.account();
      case REGION -> p.account() + "|" + p.region();
    };
  }

  private static String where(Scope scope, Placed p) {
    return switch (scope) {
      case EVERY_ACCOUNT -> "every AWS account";
      case HOSTED_ZONE ->
          "hosted zone " + p.resource().input("zoneId").map(JsonNode::asText).orElse("(unknown)");
      case ACCOUNT -> "account " + p.account();
      case REGION -> "account " + p.account() + ", " + p.region();
    };
  }
}
