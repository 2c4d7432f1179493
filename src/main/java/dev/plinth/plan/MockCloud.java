package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.test.Mocks;
import dev.plinth.config.Secret;
import dev.plinth.policy.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What AWS would answer, offline. Fills what the cloud computes (ids, ARNs, generated names) with
 * values derived from the resource's type and name, so every run gives the same plan and documents
 * built from them (policies, connection settings) are complete. A resource registered through an
 * AWS provider of another region (the disaster-recovery provider) gets ARNs and addresses of that
 * region. Answers only the invokes it knows; any other invoke fails, naming its token.
 *
 * <p>This class dispatches; each service's answers live in a class of their own ({@link S3Answers},
 * {@link ElbAnswers}, {@link RdsAnswers}, ..., and {@link AccountInvokes} for the invokes).
 */
public final class MockCloud implements Mocks {
  /** A placeholder account id (AWS's documentation example); no real account is asked. */
  public static final String ACCOUNT_ID = "123456789012";

  public static final String PARTITION = "aws";

  /** What each AWS resource type's service computes; types not named here get name and ARN only. */
  private static final Map<String, ComputedOutputs> COMPUTED =
      Map.ofEntries(
          Map.entry("aws:s3/bucketV2:BucketV2", S3Answers::bucket),
          Map.entry("aws:s3/bucket:Bucket", S3Answers::bucket),
          Map.entry("aws:lb/loadBalancer:LoadBalancer", ElbAnswers::loadBalancer),
          Map.entry("aws:lb/targetGroup:TargetGroup", ElbAnswers::targetGroup),
          Map.entry("aws:lb/listener:Listener", ElbAnswers::listener),
          Map.entry("aws:acm/certificate:Certificate", CertificateAnswers::certificate),
          Map.entry("aws:route53/record:Record", CertificateAnswers::record),
          Map.entry("aws:wafv2/webAcl:WebAcl", WafAnswers::webAcl),
          Map.entry("aws:wafv2/ipSet:IpSet", WafAnswers::ipSet),
          Map.entry("aws:cloudfront/distribution:Distribution", CdnAnswers::distribution),
          Map.entry(KmsAnswers.KEY, KmsAnswers::key),
          Map.entry("aws:rds/instance:Instance", RdsAnswers::instance),
          Map.entry(Types.RDS_PROXY, RdsAnswers::proxy),
          Map.entry("aws:eks/cluster:Cluster", ContainerAnswers::cluster),
          Map.entry(
              "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
              ContainerAnswers::openIdConnectProvider),
          Map.entry("aws:eks/nodeGroup:NodeGroup", ContainerAnswers::nodeGroup),
          Map.entry("aws:scheduler/scheduleGroup:ScheduleGroup", ContainerAnswers::scheduleGroup),
          Map.entry("aws:ecr/repository:Repository", ContainerAnswers::repository),
          Map.entry("aws:ec2/launchTemplate:LaunchTemplate", Ec2Answers::launchTemplate),
          Map.entry(
              "aws:elasticache/replicationGroup:ReplicationGroup",
              ElastiCacheAnswers::replicationGroup),
          Map.entry(Types.GLOBAL_CACHE, ElastiCacheAnswers::globalReplicationGroup),
          Map.entry("aws:ec2/vpc:Vpc", Ec2Answers::vpc),
          Map.entry("aws:ec2/eip:Eip", Ec2Answers::eip),
          Map.entry(Ec2Answers.CLIENT_VPN_ENDPOINT, Ec2Answers::clientVpnEndpoint),
          Map.entry(
              "aws:serverlessrepository/cloudFormationStack:CloudFormationStack",
              MockCloud::serverlessApplication),
          Map.entry("aws:opensearch/domain:Domain", SearchAnswers::domain));

  /**
   * A Serverless Application Repository stack's outputs: the Secrets Manager rotation applications
   * output the function's ARN as {@code RotationLambdaARN}; the function is named by the {@code
   * functionName} parameter.
   */
  static void serverlessApplication(String region, String id, Map<String, Object> state) {
    Object parameters = state.get("parameters");
    String function =
        parameters instanceof Map<?, ?> p && p.get("functionName") != null
            ? String.valueOf(p.get("functionName"))
            : id;
    state.put(
        "outputs",
        Map.of(
            "RotationLambdaARN",
            "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + function));
  }

  static final String AWS_PROVIDER = "pulumi:providers:aws";

  static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

  /** The stack's region: invokes answer for it, and resources of a provider without one. */
  private final String stackRegion;

  private final AccountInvokes invokes;

  /** The region of each AWS provider registered so far, by the provider's name. */
  private final Map<String, String> providerRegions = new ConcurrentHashMap<>();

  /** The outputs of the stacks a StackReference may name, by stack name. */
  private final Function<String, Optional<ObjectNode>> stacks;

  public MockCloud(String region) {
    this(region, stack -> Optional.empty());
  }

  /** A mock cloud that answers StackReferences to the given stacks' outputs. */
  public MockCloud(String region, Function<String, Optional<ObjectNode>> stacks) {
    this.stackRegion = region;
    this.invokes = new AccountInvokes(region);
    this.stacks = stacks;
  }

  /**
   * A JSON value as the SDK's serializer takes it: maps, lists, strings, booleans, and numbers as
   * {@code Integer} or {@code Double} (it refuses a {@code Long}: "Type 'Long' is not a supported
   * argument type", pulumi-java 1.36.1 Serializer), as the engine's protobuf numbers are doubles.
   */
  static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isNumber()) {
      return node.canConvertToInt() && node.isIntegralNumber()
          ? (Object) node.intValue()
          : (Object) node.doubleValue();
    }
    if (node.isNull()) {
      return null;
    }
    return node.isBoolean() ? (Object) node.booleanValue() : node.asText();
  }

  /** The type of the SDK's StackReference, which the engine reads like a resource. */
  static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

  /**
   * What the engine answers a StackReference with: the referenced stack's name, its outputs, and
   * the names of the secret ones ({@code secretOutputNames}), which the SDK returns as secret
   * outputs. An output the offline plan shows masked ({@code [secret]}) is secret.
   */
  private CompletableFuture<ResourceResult> stackReference(ResourceArgs args) {
    String name = String.valueOf(args.inputs.get("name"));
    String stack = name.substring(name.lastIndexOf('/') + 1);
    Optional<ObjectNode> outputs = stacks.apply(stack);
    if (outputs.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "the offline plan has no outputs of stack "
                  + name
                  + " for StackReference "
                  + args.name));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> secret = new ArrayList<>();
    outputs
        .get()
        .fields()
        .forEachRemaining(
            e -> {
              values.put(e.getKey(), plain(e.getValue()));
              if (e.getValue().toString().contains(Secret.MASK)) {
                secret.add(e.getKey());
              }
            });
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("name", name);
    state.put("outputs", values);
    state.put("secretOutputNames", secret);
    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(name), state));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

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
    if (args.type.equals(STACK_REFERENCE)) {
      return stackReference(args);
    }
    Map<String, Object> state = new LinkedHashMap<>(args.inputs);
    if (args.type.equals(AWS_PROVIDER) && state.get("region") instanceof String providerRegion) {
      providerRegions.put(args.name, providerRegion);
    }
    String region = regionOf(args.provider);
    String id = idOf(args.type, args.name);
    if (args.type.equals(Types.RDS_BACKUP_REPLICATION)) {
      id = RdsAnswers.backupReplicationId(region, args.name);
    }
    if (S3Answers.BUCKETS.contains(args.type)) {
      id = S3Answers.bucketId(args.name, state);
    }
    if (args.type.equals(DISTRIBUTION)) {
      id = CdnAnswers.distributionId(args.name);
    }
    if (args.type.startsWith("aws:")) {
      state.putIfAbsent("name", MockValues.generatedName(args.name));
      state.putIfAbsent(
          "arn", MockValues.arn(region, args.type, id, String.valueOf(state.get("name"))));
      ComputedOutputs computed = COMPUTED.get(args.type);
      if (computed != null) {
        computed.fill(region, id, state);
      }
    }
    if (args.type.equals("random:index/randomPassword:RandomPassword")) {
      // Stable, not secret material: the plan shows it only as [secret].
      state.put("result", "offline-plan-" + MockValues.hash(args.name).substring(0, 32));
    }
    state.putIfAbsent("id", id);
    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
  }

  @Override
  public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
    return invokes
        .answer(args.token, arguments(args))
        .map(CompletableFuture::completedFuture)
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new UnsupportedOperationException(
                        "the offline plan has no answer for invoke "
                            + args.token
                            + "; teach dev.plinth.plan.MockCloud a deterministic answer for it")));
  }

  /**
   * An invoke's arguments, read through {@link Map}: the field is a Guava map, and Guava is not on
   * the compile class path.
   */
  private static Map<?, ?> arguments(CallArgs args) {
    try {
      Object raw = CallArgs.class.getField("args").get(args);
      return raw instanceof Map<?, ?> map ? map : Map.of();
    } catch (ReflectiveOperationException e) {
      return Map.of();
    }
  }

  /** The id the mocks give a resource of this type and name. */
  public String idOf(String type, String name) {
    Optional<String> ec2 = Ec2Answers.id(type, name);
    if (ec2.isPresent()) {
      return ec2.get();
    }
    if (type.equals(KmsAnswers.KEY)) {
      return KmsAnswers.keyId(name);
    }
    return name + "-id";
  }
}
