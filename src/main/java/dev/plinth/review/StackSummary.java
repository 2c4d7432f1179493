package dev.plinth.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Types;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The key settings of a planned stack, read from its graph (not from its configuration), for the
 * side-by-side table {@code plan --all} ends with. A setting the graph does not hold shows {@code
 * -}.
 */
public final class StackSummary {
  public static final String NONE = "-";

  /**
   * How the table marks the class of a database that is a replica of another stack's (a
   * disaster-recovery standby's, until it is promoted): it has no writer of its own.
   */
  public static final String REPLICA = "(replica)";

  private StackSummary() {}

  public static Map<String, String> of(ResourceGraph graph, Review review) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put(
        "availability zones",
        count(
            graph.ofType(Types.SUBNET).stream()
                .map(s -> text(s, "availabilityZoneId"))
                .filter(z -> !z.equals(NONE))
                .distinct()
                .count()));
    row.put("NAT gateways", count(graph.ofType(Types.NAT).size()));
    row.put("EKS version", join(graph.ofType(Types.EKS), r -> text(r, "version")));
    row.put(
        "node groups",
        join(
            graph.ofType(Types.NODE_GROUP),
            r ->
                text(r, "instanceTypes.0")
                    + " x"
                    + text(r, "scalingConfig.desiredSize")
                    + (text(r, "capacityType").equals("SPOT") ? " spot" : "")));
    row.put(
        "node scaling (min-max)",
        join(
            graph.ofType(Types.NODE_GROUP),
            r -> text(r, "scalingConfig.minSize") + "-" + text(r, "scalingConfig.maxSize")));
    postgres(graph, row);
    row.put("Redis node type", join(graph.ofType(Types.CACHE), r -> text(r, "nodeType")));
    row.put(
        "Redis nodes",
        join(
            graph.ofType(Types.CACHE),
            r -> String.valueOf(dev.plinth.policy.Resources.cacheNodes(r))));
    row.put("Redis Multi-AZ", join(graph.ofType(Types.CACHE), r -> text(r, "multiAzEnabled")));
    row.put(
        "Redis snapshot days",
        join(graph.ofType(Types.CACHE), r -> text(r, "snapshotRetentionLimit")));
    row.put(
        "AWS Backup days",
        join(
            graph.ofType(Types.BACKUP_PLAN),
            r -> {
              Set<String> days = new LinkedHashSet<>();
              r.input("rules")
                  .ifPresent(
                      rules ->
                          rules.forEach(
                              x -> days.add(x.path("lifecycle").path("deleteAfter").asText(NONE))));
              return String.join("/", days);
            }));
    row.put(
        "log retention days",
        join(
            graph.ofType(Types.LOG_GROUP).stream()
                .map(r -> text(r, "retentionInDays"))
                .distinct()
                .sorted(
                    java.util.Comparator.comparingInt(
                        d -> d.matches("\\d+") ? Integer.parseInt(d) : Integer.MAX_VALUE))
                .toList()));
    row.put(
        "ALB deletion protection",
        join(graph.ofType(Types.LB), r -> text(r, "enableDeletionProtection")));
    row.put(
        "WAF rules",
        join(
            graph.ofType(Types.WEB_ACL),
            r -> String.valueOf(r.input("rules").map(JsonNode::size).orElse(0))));
    row.put("KMS keys", count(graph.ofType(Types.KMS_KEY).size()));
    seedParts(graph, row);
    row.put(
        "app replicas (min-max)",
        join(
            graph.ofType(Types.HPA),
            r -> text(r, "spec.minReplicas") + "-" + text(r, "spec.maxReplicas")));
    row.put("resources", String.valueOf(graph.resources().size()));
    if (review.policy() != null) {
      row.put(
          "policy: mandatory / advisory failures",
          review.policy().mandatoryFailures().size()
              + " / "
              + (review.policy().failures().size() - review.policy().mandatoryFailures().size()));
    }
    row.put("cost / month", String.format(java.util.Locale.ROOT, "$%,.2f", review.cost().total()));
    row.put(
        "budget / month", String.format(java.util.Locale.ROOT, "$%,.0f", review.cost().budget()));
    if (review.cost().budget() > 0) {
      row.put(
          "estimate / budget",
          String.format(
              java.util.Locale.ROOT,
              "%.0f%%%s",
              100 * review.cost().total() / review.cost().budget(),
              review.cost().withinBudget() ? "" : " (over)"));
    }
    return row;
  }

  /**
   * The rows of the parts issue 21 added, each where it is on: the CDN (a standby behind its
   * primary's distribution shows "primary's": it holds the pair's origin record, no distribution),
   * RDS Proxy, operator access (Session Manager's instance, and Client VPN) and OpenSearch (data
   * nodes).
   */
  private static void seedParts(ResourceGraph graph, Map<String, String> row) {
    boolean distribution = !graph.ofType(Types.DISTRIBUTION).isEmpty();
    boolean originRecord =
        graph.outputs().hasNonNull("cdnOrigin")
            && !graph.outputs().get("cdnOrigin").asText().isEmpty();
    row.put("CDN (CloudFront)", distribution ? "on" : originRecord ? "primary's" : NONE);
    row.put("RDS Proxy", graph.ofType(Types.RDS_PROXY).isEmpty() ? NONE : "on");
    List<String> access = new java.util.ArrayList<>();
    if (graph.ofType(Types.INSTANCE).stream()
        .anyMatch(r -> r.name().endsWith("-access-instance"))) {
      access.add("SSM");
    }
    if (!graph.ofType(Types.CLIENT_VPN).isEmpty()) {
      access.add("Client VPN");
    }
    row.put("operator access", access.isEmpty() ? NONE : String.join(" + ", access));
    row.put(
        "OpenSearch",
        join(
            graph.ofType(Types.SEARCH_DOMAIN),
            r ->
                text(r, "clusterConfig.instanceType")
                    + " x"
                    + text(r, "clusterConfig.instanceCount")));
  }

  /**
   * The PostgreSQL rows: the writer's class, Multi-AZ, storage and backups, and its replicas. A
   * standby has no writer: its database is a replica of its primary's writer in another region,
   * named by ARN (rds 2014-10-31 CreateDBInstanceReadReplica, SourceDBInstanceIdentifier), whose
   * class is shown marked {@value #REPLICA}; it counts as no replica of the stack's own.
   */
  private static void postgres(ResourceGraph graph, Map<String, String> row) {
    List<RecordedResource> primaries =
        graph.ofType(Types.RDS).stream()
            .filter(r -> text(r, "replicateSourceDb").equals(NONE))
            .toList();
    Set<String> primaryIds =
        primaries.stream().map(r -> text(r, "identifier")).collect(Collectors.toSet());
    List<RecordedResource> replicas =
        graph.ofType(Types.RDS).stream()
            .filter(r -> primaryIds.contains(text(r, "replicateSourceDb")))
            .toList();
    List<RecordedResource> replicated =
        graph.ofType(Types.RDS).stream()
            .filter(r -> !text(r, "replicateSourceDb").equals(NONE))
            .filter(r -> !primaryIds.contains(text(r, "replicateSourceDb")))
            .toList();
    row.put(
        "PostgreSQL class",
        join(
            primaries.isEmpty() ? replicated : primaries,
            r ->
                text(r, "instanceClass")
                    + (text(r, "replicateSourceDb").equals(NONE) ? "" : " " + REPLICA)));
    row.put("PostgreSQL Multi-AZ", join(primaries, r -> text(r, "multiAz")));
    row.put(
        "PostgreSQL storage GB (max)",
        join(
            primaries,
            r -> text(r, "allocatedStorage") + " (" + text(r, "maxAllocatedStorage") + ")"));
    row.put("PostgreSQL backup days", join(primaries, r -> text(r, "backupRetentionPeriod")));
    row.put(
        "read replicas",
        primaries.isEmpty() && replicated.isEmpty() ? NONE : String.valueOf(replicas.size()));
  }

  private static String count(long n) {
    return n == 0 ? NONE : String.valueOf(n);
  }

  private static String text(RecordedResource r, String path) {
    return r.input(path).map(JsonNode::asText).filter(s -> !s.isBlank()).orElse(NONE);
  }

  private static String join(List<RecordedResource> rs, Function<RecordedResource, String> f) {
    return join(rs.stream().map(f).toList());
  }

  private static String join(List<String> values) {
    return values.isEmpty() ? NONE : values.stream().collect(Collectors.joining(", "));
  }

  /** Settings as rows, environments as columns. */
  public static void printTable(PrintStream out, Map<String, Map<String, String>> byStack) {
    printTable(out, byStack, Integer.MAX_VALUE);
  }

  /**
   * The table within {@code width} columns: when it is wider, each stack's column gets an equal
   * share of what the setting names leave, and longer values are cut with an ellipsis ({@code plan
   * --all --json} has them whole).
   */
  public static void printTable(
      PrintStream out, Map<String, Map<String, String>> byStack, int width) {
    List<String> stacks = new ArrayList<>(byStack.keySet());
    Set<String> keys = new LinkedHashSet<>();
    byStack.values().forEach(m -> keys.addAll(m.keySet()));
    int keyWidth = keys.stream().mapToInt(String::length).max().orElse(8) + 2;
    Map<String, Integer> widths = new LinkedHashMap<>();
    for (String s : stacks) {
      int w =
          Math.max(
              s.length(),
              byStack.get(s).values().stream().mapToInt(String::length).max().orElse(1));
      widths.put(s, w + 2);
    }
    int total = keyWidth + widths.values().stream().mapToInt(Integer::intValue).sum();
    if (total > width && !stacks.isEmpty()) {
      int share = Math.max(8, (width - keyWidth) / stacks.size());
      widths.replaceAll((s, w) -> Math.min(w, share));
    }
    StringBuilder header = new StringBuilder(pad("setting", keyWidth));
    stacks.forEach(s -> header.append(pad(s, widths.get(s))));
    out.println(header.toString().stripTrailing());
    for (String key : keys) {
      StringBuilder line = new StringBuilder(pad(key, keyWidth));
      stacks.forEach(
          s ->
              line.append(
                  pad(
                      dev.plinth.Fit.cut(byStack.get(s).getOrDefault(key, NONE), widths.get(s) - 2),
                      widths.get(s))));
      out.println(line.toString().stripTrailing());
    }
  }

  private static String pad(String s, int width) {
    return String.format("%-" + width + "s", s);
  }
}
