package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.Environment;
import dev.plinth.plan.PlanDiff.Change;
import dev.plinth.plan.PlanDiff.InputChange;
import dev.plinth.plan.PlanDiff.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a diff means for the data and the people on call: the two diff rules (a replaced stateful or
 * protected resource, an EKS version jump AWS refuses) and the notes on changes AWS applies later
 * or with downtime, each citing the API documentation (the botocore service models) it comes from.
 */
public final class DiffVerdicts {
  /**
   * Replacing a protected or stateful resource: mandatory in staging and prod, a warning in dev.
   */
  public static final String STATEFUL_REPLACE = "DIFF-01";

  /** An EKS version change of more than one minor, or a downgrade: mandatory everywhere. */
  public static final String EKS_VERSION_STEP = "DIFF-02";

  /** The types whose replacement loses data or breaks everything that uses them. */
  public static final Set<String> STATEFUL_TYPES =
      Set.of(
          "aws:rds/instance:Instance",
          "aws:elasticache/replicationGroup:ReplicationGroup",
          "aws:s3/bucketV2:BucketV2",
          "aws:s3/bucket:Bucket",
          "aws:kms/key:Key",
          "aws:eks/cluster:Cluster",
          "aws:secretsmanager/secret:Secret",
          "aws:ecr/repository:Repository");

  private static final String RDS = "aws:rds/instance:Instance";
  private static final String EKS = "aws:eks/cluster:Cluster";
  private static final String CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
  private static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
  private static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

  private DiffVerdicts() {}

  /** A rule's finding on one resource; {@code mandatory} ones fail {@code --policy enforce}. */
  public record Verdict(String ruleId, String resource, boolean mandatory, String message) {
    public String line() {
      return (mandatory ? "FAIL " : "WARN ") + ruleId + " " + resource + ": " + message;
    }
  }

  /** A note on one resource's change: when or how AWS applies it. */
  public record Note(String resource, String text) {}

  /** The findings of the diff rules for a stack of {@code environment}. */
  public static List<Verdict> verdicts(List<Change> changes, Environment environment) {
    List<Verdict> verdicts = new ArrayList<>();
    boolean guarded = environment != Environment.DEV;
    for (Change c : changes) {
      if (c.op() == Op.REPLACE
          && (STATEFUL_TYPES.contains(c.type()) || c.oldState().path("protect").asBoolean())) {
        verdicts.add(
            new Verdict(
                STATEFUL_REPLACE,
                c.name(),
                guarded,
                "replacing "
                    + (STATEFUL_TYPES.contains(c.type()) ? "stateful " : "protected ")
                    + c.type()
                    + " in "
                    + environment.key()
                    + " (a new, empty resource): "
                    + String.join(", ", c.replaceReasons())
                    + " cannot change in place"));
      }
      if (c.type().equals(EKS) && c.oldState() != null && c.newState() != null) {
        int[] step = minorStep(c);
        if (step != null && (step[1] - step[0] > 1 || step[1] < step[0])) {
          verdicts.add(
              new Verdict(
                  EKS_VERSION_STEP,
                  c.name(),
                  true,
                  "EKS version "
                      + version(c.oldState())
                      + " -> "
                      + version(c.newState())
                      + ": EKS upgrades one minor version at a time and never downgrades;"
                      + " step through each minor (docs/upgrades.md)"));
        }
      }
    }
    return verdicts;
  }

  /** The notes on changes AWS applies later, with downtime, or by replacing nodes. */
  public static List<Note> notes(List<Change> changes) {
    List<Note> notes = new ArrayList<>();
    for (Change c : changes) {
      // A replacement creates a new resource: none of these in-place notes applies to it.
      if (c.op() != Op.UPDATE) {
        continue;
      }
      if (c.type().equals(RDS) && changed(c, "instanceClass", "storageType", "allocatedStorage")) {
        boolean now = c.newState().path("inputs").path("applyImmediately").asBoolean(false);
        String when =
            now
                ? "applied now (applyImmediately)"
                : "applied in the next maintenance window"
                    + window(c.newState())
                    + "; applyImmediately is off";
        if (changed(c, "instanceClass")) {
          notes.add(
              new Note(
                  c.name(),
                  "class change "
                      + when
                      + "; an outage occurs during the change (rds 2014-10-31 ModifyDBInstance:"
                      + " DBInstanceClass, ApplyImmediately)"));
        }
        if (changed(c, "storageType")) {
          notes.add(
              new Note(
                  c.name(),
                  "storage type change "
                      + when
                      + "; the migration typically takes under 24 hours but can take several"
                      + " days (rds 2014-10-31 ModifyDBInstance: StorageType)"));
        }
        if (changed(c, "allocatedStorage")) {
          notes.add(
              new Note(
                  c.name(),
                  "storage size change "
                      + when
                      + "; scaling storage usually causes no outage, and the storage cannot be"
                      + " changed again for 6 hours or until its optimization completes (RDS User"
                      + " Guide, Increasing DB instance storage capacity)"));
        }
      }
      if (c.type().equals(EKS) && changed(c, "version")) {
        notes.add(
            new Note(
                c.name(),
                "Kubernetes "
                    + version(c.oldState())
                    + " -> "
                    + version(c.newState())
                    + ": the control plane first (minutes, the cluster keeps serving), then the"
                    + " add-ons, then the node groups, which must match the cluster's version"
                    + " before its next upgrade (eks 2017-11-01 UpdateClusterVersion,"
                    + " UpdateNodegroupVersion; the order: EKS User Guide, Update existing cluster"
                    + " to new Kubernetes version)"));
      }
      if (c.type().equals(CACHE) && changed(c, "nodeType")) {
        boolean now = c.newState().path("inputs").path("applyImmediately").asBoolean(false);
        notes.add(
            new Note(
                c.name(),
                (now
                        ? "node type change applied as soon as possible (applyImmediately)"
                        : "node type change applied on the next maintenance reboot or failure"
                            + " reboot; applyImmediately is off")
                    + " (elasticache 2015-02-02 ModifyReplicationGroup: ApplyImmediately,"
                    + " CacheNodeType)"));
      }
      // A new launch template version (any change but the template's own tags or description)
      // rolls the node group, which follows the template's latest version.
      if ((c.type().equals(NODE_GROUP) && changed(c, "launchTemplate"))
          || (c.type().equals(LAUNCH_TEMPLATE)
              && c.inputs().stream()
                  .anyMatch(
                      i -> !List.of("tags", "tagsAll", "description").contains(i.topKey())))) {
        notes.add(
            new Note(
                c.name(),
                "a launch template change rolls the node group: new nodes start, each old node is"
                    + " drained and terminated (eks 2017-11-01 UpdateNodegroupVersion)"));
      }
    }
    return notes;
  }

  private static boolean changed(Change c, String... keys) {
    for (InputChange i : c.inputs()) {
      for (String key : keys) {
        if (i.topKey().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String window(JsonNode state) {
    JsonNode window = state.path("inputs").path("maintenanceWindow");
    return window.isTextual() ? " (" + window.asText() + ")" : "";
  }

  private static String version(JsonNode state) {
    return state.path("inputs").path("version").asText("?");
  }

  /** The old and new minor of a {@code 1.N} version change, or null when either is not one. */
  private static int[] minorStep(Change c) {
    String from = version(c.oldState());
    String to = version(c.newState());
    if (from.equals(to) || !from.matches("1\\.\\d+") || !to.matches("1\\.\\d+")) {
      return null;
    }
    return new int[] {Integer.parseInt(from.substring(2)), Integer.parseInt(to.substring(2))};
  }
}
