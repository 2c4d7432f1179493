package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Finding;
import dev.plinth.policy.Policy;
import dev.plinth.policy.Verdict;
import dev.plinth.testing.Plans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The standby prod-dr against its primary prod (issue 17): regions, names, the replica. */
class DrStandbyTest {
  private static final String PRIMARY_REGION = "us-east-1";

  /** The region each AWS resource is created in: its provider's, else the stack's. */
  static Map<String, String> regions(ResourceGraph graph, String stackRegion) {
    Map<String, String> providers = new HashMap<>();
    for (RecordedResource p : graph.ofType("pulumi:providers:aws")) {
      providers.put(p.urn(), p.input("region").map(JsonNode::asText).orElse(stackRegion));
    }
    Map<String, String> regions = new HashMap<>();
    for (RecordedResource r : graph.resources()) {
      if (r.type().equals("pulumi:providers:aws")) {
        regions.put(r.name(), providers.get(r.urn()));
      } else if (r.type().startsWith("aws:")) {
        String ref = r.provider() == null ? "" : r.provider();
        int cut = ref.lastIndexOf("::");
        regions.put(
            r.name(), providers.getOrDefault(cut < 0 ? ref : ref.substring(0, cut), stackRegion));
      }
    }
    return regions;
  }

  @Test
  void theStandbyCreatesNothingInItsPrimarysRegion() {
    Map<String, String> regions = regions(Plans.ofStack("prod-dr"), "us-west-2");
    assertThat(regions).as("AWS resources and providers of prod-dr").hasSizeGreaterThan(100);
    regions.forEach(
        (name, region) ->
            assertThat(region)
                .as("prod-dr resource %s must not be created in %s", name, PRIMARY_REGION)
                .isNotEqualTo(PRIMARY_REGION));
  }

  private static List<Finding> dr01(ResourceGraph graph) {
    return Policy.evaluate(graph, Environment.PROD).findings().stream()
        .filter(f -> f.rule().id().equals("DR-01"))
        .toList();
  }

  @Test
  void dr01PassesTheStandbyAndFailsItWithAResourceInThePrimarysRegion() {
    ResourceGraph standby = Plans.ofStack("prod-dr");
    assertThat(dr01(standby)).extracting(Finding::verdict).containsExactly(Verdict.PASS);

    // Broken: a provider of us-east-1 and a bucket created through it.
    String stackUrn = standby.root().orElseThrow().urn();
    String providerUrn = stackUrn + "$pulumi:providers:aws::prod-dr-aws-east";
    ObjectNode providerInputs = JsonNodeFactory.instance.objectNode().put("region", "us-east-1");
    List<RecordedResource> resources = new ArrayList<>(standby.resources());
    resources.add(
        resource("pulumi:providers:aws", "prod-dr-aws-east", providerUrn, null, providerInputs));
    resources.add(
        resource(
            "aws:s3/bucketV2:BucketV2",
            "prod-dr-stray-bucket",
            stackUrn + "$aws:s3/bucketV2:BucketV2::prod-dr-stray-bucket",
            providerUrn + "::prod-dr-aws-east-id",
            JsonNodeFactory.instance.objectNode()));
    ResourceGraph broken = new ResourceGraph(standby.stack(), resources, standby.outputs());
    List<Finding> findings = dr01(broken);
    assertThat(findings).extracting(Finding::verdict).containsExactly(Verdict.FAIL);
    assertThat(String.join("\n", findings.get(0).messages()))
        .contains("prod-dr-stray-bucket")
        .contains("prod-dr-aws-east");
  }

  private static RecordedResource resource(
      String type, String name, String urn, String provider, ObjectNode inputs) {
    return new RecordedResource(
        type,
        name,
        urn,
        name + "-id",
        null,
        true,
        inputs,
        List.of(),
        false,
        false,
        provider,
        List.of());
  }

  /**
   * The physical names a resource asks AWS for: inputs that name it, or, without one, its logical
   * name (Pulumi's auto-name starts with it).
   */
  static Set<String> physicalNames(ResourceGraph graph) {
    Set<String> names = new TreeSet<>();
    for (RecordedResource r : graph.resources()) {
      if (!r.type().startsWith("aws:")) {
        continue;
      }
      boolean named = false;
      for (String key :
          List.of(
              "name",
              "identifier",
              "bucketPrefix",
              "bucket",
              "dashboardName",
              "finalSnapshotIdentifier",
              "replicationGroupId",
              "roleName")) {
        var value = r.input(key);
        if (value.isPresent()
            && value.get().isTextual()
            && r.input(key).get().asText().length() > 0
            && !(key.equals("bucket") && !r.type().equals("aws:s3/bucketV2:BucketV2"))) {
          // a Route 53 record is keyed by its name, type and set identifier (a failover pair's
          // PRIMARY and SECONDARY share a name): route53 2013-04-01 ResourceRecordSet
          // SetIdentifier
          String set = r.input("setIdentifier").map(v -> " " + v.asText()).orElse("");
          names.add(r.type() + " " + value.get().asText() + set);
          named = true;
        }
      }
      if (!named) {
        names.add(r.type() + " " + r.name());
      }
    }
    return names;
  }

  @Test
  void theStandbysPhysicalNamesShareNothingWithThePrimarys() {
    Set<String> primary = physicalNames(Plans.ofStack("prod"));
    Set<String> standby = physicalNames(Plans.ofStack("prod-dr"));
    assertThat(standby).as("names of prod-dr").hasSizeGreaterThan(100);
    Set<String> shared = new TreeSet<>(standby);
    shared.retainAll(primary);
    // Session Manager's preferences are one per account and region (the SSM-SessionManagerRunShell
    // document and what it names): each region's stack owns its own region's, prod in us-east-1
    // and prod-dr in us-west-2, so the same names do not meet; the bucket is a prefix.
    Set<String> regional =
        Set.of(
            "aws:ssm/document:Document " + dev.plinth.access.SessionLogging.PREFERENCES_DOCUMENT,
            "aws:cloudwatch/logGroup:LogGroup " + dev.plinth.access.SessionLogging.LOG_GROUP,
            "aws:kms/alias:Alias " + dev.plinth.access.SessionLogging.KEY_ALIAS,
            "aws:s3/bucketV2:BucketV2 " + dev.plinth.access.SessionLogging.BUCKET_PREFIX);
    assertThat(Plans.stackFile("prod").region())
        .as("their regions")
        .isNotEqualTo(Plans.stackFile("prod-dr").region());
    shared.removeAll(regional);
    assertThat(shared).as("physical names both prod and prod-dr ask for").isEmpty();
    assertThat(standby)
        .as("account-wide names carry the stack")
        .contains(
            "aws:budgets/budget:Budget plinth-prod-dr-monthly",
            "aws:cloudwatch/dashboard:Dashboard plinth-prod-dr",
            "aws:eks/cluster:Cluster plinth-prod-dr");
  }

  @Test
  void theReplicaFollowsThePrimaryUnderTheStandbyRegionsDatabaseKey() {
    ResourceGraph standby = Plans.ofStack("prod-dr");
    ResourceGraph primary = Plans.ofStack("prod");
    RecordedResource replica = standby.get("aws:rds/instance:Instance", "prod-dr-db-standby");
    String key = replica.input("kmsKeyId").orElseThrow().asText();
    RecordedResource databaseKey = standby.get("aws:kms/key:Key", "prod-dr-keys-database");
    assertThat(key)
        .as("prod-dr-db-standby kmsKeyId: the standby region's database key")
        .startsWith("arn:aws:kms:us-west-2:")
        .endsWith(databaseKey.id());
    assertThat(replica.input("replicateSourceDb").orElseThrow().asText())
        .as("prod-dr-db-standby replicateSourceDb: prod's dbArn output")
        .isEqualTo(primary.outputs().get("dbArn").asText())
        .startsWith("arn:aws:rds:us-east-1:");
    assertThat(standby.outputs().get("dbEndpoint").asText())
        .as("prod-dr dbEndpoint: the replica's, in us-west-2")
        .startsWith("prod-dr-db-standby.")
        .contains(".us-west-2.");
    assertThat(standby.ofType("aws:rds/instance:Instance"))
        .as("prod-dr creates no writer: the replica only")
        .hasSize(1);
  }

  /** Pulumi.prod-dr.yaml with {@code plinth:dr.mode} set to {@code mode}. */
  static ResourceGraph standbyIn(String mode) throws Exception {
    var raw =
        dev.plinth.config.RawConfig.fromStackFile(java.nio.file.Path.of("Pulumi.prod-dr.yaml"));
    var values = new java.util.LinkedHashMap<>(raw.values());
    var dr = ((com.fasterxml.jackson.databind.node.ObjectNode) values.get("plinth:dr")).deepCopy();
    dr.put("mode", mode);
    values.put("plinth:dr", dr);
    return dev.plinth.plan.Recorder.plan(
        Checks.load(new dev.plinth.config.RawConfig(values), "prod-dr"));
  }

  @Test
  void theShippedStandbyIsWarmRunningNodesAndTheApplicationAtTheirMinimum() {
    ResourceGraph standby = Plans.ofStack("prod-dr");
    RecordedResource nodes = standby.get("aws:eks/nodeGroup:NodeGroup", "prod-dr-cluster-nodes");
    assertThat(nodes.input("scalingConfig.desiredSize").orElseThrow().asInt())
        .as(
            "desiredSize of %s: prod's (seed 003's 15-minute API target needs running nodes)",
            nodes)
        .isEqualTo(Plans.stackFile("prod").cluster().nodes().desiredSize());
    assertThat(standby.ofType("kubernetes:autoscaling/v2:HorizontalPodAutoscaler"))
        .as("the application's autoscaler in prod-dr")
        .hasSize(1);
  }

  @Test
  void pilotLightRunsNoNodeAndNoPod() throws Exception {
    ResourceGraph standby = standbyIn("pilotLight");
    RecordedResource nodes = standby.get("aws:eks/nodeGroup:NodeGroup", "prod-dr-cluster-nodes");
    assertThat(nodes.input("scalingConfig.minSize").orElseThrow().asInt()).as("minSize").isZero();
    assertThat(nodes.input("scalingConfig.desiredSize").orElseThrow().asInt())
        .as("desiredSize")
        .isZero();
    assertThat(nodes.input("scalingConfig.maxSize").orElseThrow().asInt())
        .as("maxSize (EKS: at least 1)")
        .isPositive();
    RecordedResource deployment =
        standby.get("kubernetes:apps/v1:Deployment", "prod-dr-app-deployment");
    assertThat(deployment.input("spec.replicas").orElseThrow().asInt()).as("replicas").isZero();
    assertThat(standby.ofType("kubernetes:autoscaling/v2:HorizontalPodAutoscaler"))
        .as("no autoscaler (its minReplicas would start a pod)")
        .isEmpty();
  }
}
