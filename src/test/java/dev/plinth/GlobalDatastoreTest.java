package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.Environment;
import dev.plinth.config.PlatformConfig;
import dev.plinth.cost.CostEstimator;
import dev.plinth.cost.CostLine;
import dev.plinth.cost.CostReport;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ReplacingInputs;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Finding;
import dev.plinth.policy.Policy;
import dev.plinth.policy.Types;
import dev.plinth.policy.Verdict;
import dev.plinth.testing.Pairs;
import dev.plinth.testing.Plans;
import dev.plinth.timing.CreateTimes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prod and prod-dr with {@code plinth:dr.cache: globalDatastore} on both (issue 17): prod's cache
 * is the primary of an ElastiCache global datastore, prod-dr's joins it as the secondary. The
 * shipped stack files keep {@code cold}; these tests plan copies that turn it on.
 */
class GlobalDatastoreTest {
  @TempDir static Path dir;

  static ResourceGraph primary;
  static ResourceGraph standby;

  static final String GLOBAL = Types.GLOBAL_CACHE;

  @BeforeAll
  static void planThePair() {
    Pairs.globalDatastore(dir);
    primary = Pairs.plan(dir, "prod");
    standby = Pairs.plan(dir, "prod-dr");
  }

  @Test
  void thePrimaryCreatesTheGlobalDatastoreAroundItsCacheAndExportsItsId() {
    RecordedResource redis = primary.get(Types.CACHE, "prod-cache-redis");
    RecordedResource datastore = primary.get(GLOBAL, "prod-cache-global");
    assertThat(datastore.text("primaryReplicationGroupId"))
        .as("prod-cache-global primaryReplicationGroupId: prod's replication group")
        .isEqualTo(redis.id());
    assertThat(datastore.text("globalReplicationGroupIdSuffix"))
        .as("prod-cache-global suffix")
        .isEqualTo("prod-cache");
    assertThat(datastore.protect()).as("prod-cache-global protected in prod").isTrue();
    assertThat(datastore.parent()).as("prod-cache-global parent").endsWith("::prod-cache");
    // ElastiCache prefixes the suffix with its region's letters (CreateGlobalReplicationGroup,
    // GlobalReplicationGroupIdSuffix); the mock gives five, as the provider's import expects.
    assertThat(primary.outputs().get("cacheGlobalReplicationGroupId").asText())
        .as("prod cacheGlobalReplicationGroupId")
        .matches("[a-z]{5}-prod-cache");
    assertThat(primary.ofType(GLOBAL)).as("global datastores of prod").hasSize(1);
  }

  /**
   * The inputs the AWS provider refuses on a secondary (terraform-provider-aws
   * 001b6364c1a3b3045e152f655440a6d47eb44a70 internal/service/elasticache/replication_group.go:
   * global_replication_group_id ConflictsWith), in Pulumi's names.
   */
  static final List<String> REFUSED_ON_A_SECONDARY =
      List.of(
          "numNodeGroups",
          "parameterGroupName",
          "engine",
          "engineVersion",
          "nodeType",
          "securityGroupNames",
          "transitEncryptionEnabled",
          "transitEncryptionMode",
          "atRestEncryptionEnabled",
          "snapshotArns",
          "snapshotName");

  @Test
  void theStandbysCacheJoinsAsSecondaryAndSetsNoneOfTheInputsASecondaryMayNotSet() {
    RecordedResource redis = standby.get(Types.CACHE, "prod-dr-cache-redis");
    assertThat(redis.text("globalReplicationGroupId"))
        .as("prod-dr-cache-redis globalReplicationGroupId: prod's output, through the reference")
        .isEqualTo(primary.outputs().get("cacheGlobalReplicationGroupId").asText());
    for (String input : REFUSED_ON_A_SECONDARY) {
      assertThat(redis.input(input))
          .as("prod-dr-cache-redis must not set %s: a secondary inherits it", input)
          .isEmpty();
    }
    assertThat(standby.ofType(Types.CACHE_PARAMETERS))
        .as("prod-dr creates no parameter group: ElastiCache gives the secondary the primary's")
        .isEmpty();
    RecordedResource key = standby.get("aws:kms/key:Key", "prod-dr-keys-cache");
    assertThat(redis.text("kmsKeyId"))
        .as("prod-dr-cache-redis kmsKeyId: the standby region's cache key")
        .startsWith("arn:aws:kms:us-west-2:")
        .endsWith(key.id());
    assertThat(redis.text("authToken"))
        .as("prod-dr-cache-redis authToken, masked")
        .isEqualTo(dev.plinth.config.Secret.MASK);
    assertThat(redis.input("replicasPerNodeGroup").orElseThrow().asInt())
        .as("prod-dr-cache-redis replicas: its own count (each cluster may have its own)")
        .isEqualTo(Pairs.config(dir, "prod-dr").cache().replicasPerShard());
    assertThat(standby.ofType(GLOBAL)).as("prod-dr creates no global datastore").isEmpty();
    assertThat(standby.outputs().get("cacheGlobalReplicationGroupId").asText())
        .as("prod-dr exports the datastore it joined, for a failover with prod's region lost")
        .isEqualTo(redis.text("globalReplicationGroupId"));
  }

  @Test
  void bothPlansPassEveryMandatoryRuleAndTheStandbyCreatesNothingInThePrimarysRegion() {
    for (ResourceGraph plan : List.of(primary, standby)) {
      List<Finding> failures = Policy.evaluate(plan, Environment.PROD).mandatoryFailures();
      assertThat(failures)
          .as("mandatory failures of %s with a global datastore", plan.stack())
          .extracting(f -> f.ruleId() + " " + f.resourceName() + " " + f.messages())
          .isEmpty();
    }
    assertThat(DrStandbyTest.regions(standby, "us-west-2"))
        .as("regions of prod-dr's resources")
        .doesNotContainValue("us-east-1");
  }

  /** A copy of the plan with one resource's inputs changed. */
  static ResourceGraph with(
      ResourceGraph graph, String name, java.util.function.Consumer<ObjectNode> change) {
    List<RecordedResource> resources = new ArrayList<>();
    for (RecordedResource r : graph.resources()) {
      if (r.name().equals(name)) {
        ObjectNode inputs = r.inputs().deepCopy();
        change.accept(inputs);
        r =
            new RecordedResource(
                r.type(),
                r.name(),
                r.urn(),
                r.id(),
                r.parent(),
                r.custom(),
                inputs,
                r.dependencies(),
                r.protect(),
                r.retainOnDelete(),
                r.provider(),
                r.ignoreChanges(),
                r.propertyDependencies());
      }
      resources.add(r);
    }
    return new ResourceGraph(graph.stack(), resources, graph.outputs());
  }

  static List<String> failing(ResourceGraph graph, String rule) {
    return Policy.evaluate(graph, Environment.PROD).findings().stream()
        .filter(f -> f.ruleId().equals(rule) && f.verdict() == Verdict.FAIL)
        .map(Finding::resourceName)
        .toList();
  }

  @Test
  void aSecondaryIsJudgedOnItsOwnKeyAndARegionalCacheStillOnItsEncryption() {
    ResourceGraph keyless = with(standby, "prod-dr-cache-redis", i -> i.remove("kmsKeyId"));
    assertThat(failing(keyless, "EC-01"))
        .as("EC-01 on a secondary without its region's KMS key")
        .containsExactly("prod-dr-cache-redis");

    ResourceGraph cold = Plans.ofStack("prod-dr");
    ResourceGraph unencrypted =
        with(
            cold,
            "prod-dr-cache-redis",
            i -> {
              i.remove("atRestEncryptionEnabled");
              i.remove("transitEncryptionEnabled");
              i.remove("engineVersion");
            });
    assertThat(failing(unencrypted, "EC-01")).as("EC-01, regional").contains("prod-dr-cache-redis");
    assertThat(failing(unencrypted, "EC-02")).as("EC-02, regional").contains("prod-dr-cache-redis");
    assertThat(failing(unencrypted, "DEP-15"))
        .as("DEP-15, regional")
        .contains("prod-dr-cache-redis");
  }

  static CostReport cost(ResourceGraph graph, PlatformConfig config) {
    return CostEstimator.estimate(
        graph, config.cost(), config.region(), config.officeHours(), config.cache());
  }

  static double cacheUsd(CostReport report, String component) {
    return report.lines().stream()
        .filter(l -> l.component().equals(component))
        .mapToDouble(CostLine::monthlyUsd)
        .sum();
  }

  @Test
  void theSecondarysNodesCostWhatTheColdCacheCostsAndThePrimaryNamesTheTransfer() {
    CostReport global = cost(standby, Pairs.config(dir, "prod-dr"));
    CostReport cold = cost(Plans.ofStack("prod-dr"), Plans.stackFile("prod-dr"));
    assertThat(cacheUsd(global, "prod-dr-cache"))
        .as("prod-dr-cache as a secondary: the same nodes as the cold cache")
        .isPositive()
        .isEqualTo(cacheUsd(cold, "prod-dr-cache"));
    assertThat(global.lines())
        .as("the secondary's line says where its node type comes from")
        .anySatisfy(l -> assertThat(l.item()).contains("global datastore secondary"));

    CostReport prod = cost(primary, Pairs.config(dir, "prod"));
    assertThat(prod.notes())
        .as("prod's notes name the global datastore's cross-region transfer")
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("prod-cache-global")
                    .contains("transfer.interRegion")
                    .contains("$0.02/GB"));
  }

  @Test
  void everyTypeOfThePairHasItsCreateTimeAndReplacingInputsRows() {
    CreateTimes times = CreateTimes.standard();
    ReplacingInputs replacing = ReplacingInputs.load();
    var missing = new TreeSet<String>();
    for (ResourceGraph plan : List.of(primary, standby)) {
      for (RecordedResource r : plan.resources()) {
        boolean cloud = r.custom() && !r.type().startsWith("pulumi:providers:");
        if (cloud && (!times.lists(r.type()) || !replacing.types().contains(r.type()))) {
          missing.add(r.type());
        }
      }
    }
    assertThat(missing).as("types of the global-datastore pair without both rows").isEmpty();
    assertThat(replacing.replacing(GLOBAL, "primaryReplicationGroupId"))
        .as("a new primary member replaces the global datastore")
        .isPresent();
    assertThat(replacing.replacing(GLOBAL, "globalReplicationGroupDescription"))
        .as("the description updates in place")
        .isEmpty();
  }
}
