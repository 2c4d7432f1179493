package dev.plinth.timing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.Fit;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long the first {@code pulumi up} of a plan takes: every resource scheduled as the Pulumi
 * engine would (after its parent, its provider and every resource in its dependencies; at most
 * {@link #PARALLEL} creates at once), each taking its {@link CreateTimes} minutes. Gives the
 * estimate (typical, and low to high), the critical path, and the explicit {@code dependsOn} edges
 * no input flows through that make the deployment longer.
 *
 * <p>The engine's parallelism: the Pulumi CLI's {@code --parallel} defaults to 4 x the CPUs the Go
 * runtime sees ({@code runtime.GOMAXPROCS(0) * 4} in pkg/cmd/pulumi/operations/up.go, since
 * v3.100.0 (pulumi/pulumi#15016, issue #14989); cgroup limits respected since v3.156.0; read at
 * v3.259.0, 2026-08-21), overridden by {@code PULUMI_PARALLEL}; the step executor starts that many
 * workers, each creating one resource at a time (pkg/resource/deploy/step_executor.go).
 *
 * @param minutes the estimate: low, typical (the middle of each row) and high
 * @param path the critical path of the typical schedule (resources that take time only)
 * @param costlyDependsOn explicit-only dependencies that lengthen the typical estimate
 * @param defaults resource types in this plan timed by a stated default rather than a source
 */
public record DeployTime(
    Range minutes, List<PathStep> path, List<CostlyEdge> costlyDependsOn, List<String> defaults) {

  /** The CPUs assumed for the machine that runs {@code pulumi up}: this project's machines'. */
  public static final int CPUS = 2;

  /** The Pulumi CLI's default {@code --parallel} on that machine: 4 x {@link #CPUS}. */
  public static final int PARALLEL = 4 * CPUS;

  /**
   * An edge counts as lengthening the deployment when dropping it saves at least half a minute of
   * the typical estimate: less is within what reordering short creates among the workers moves.
   */
  static final double NOTICEABLE_MINUTES = 0.5;

  /** Minutes low, typical and high. */
  public record Range(double low, double typical, double high) {}

  /** A resource on the critical path: when it starts, how long it takes, and whether it waited. */
  public record PathStep(
      String name, String type, double start, double minutes, boolean afterWorker) {}

  /**
   * An explicit {@code dependsOn} of {@code resource} on {@code dependsOn} that no input flows
   * through, and the minutes the typical estimate would drop without it.
   */
  public record CostlyEdge(String resource, String dependsOn, double savesMinutes) {}

  /** Estimates the first deployment of a plan with the shipped table. */
  public static DeployTime of(ResourceGraph graph) {
    return of(graph, CreateTimes.standard(), PARALLEL);
  }

  /** Estimates with a given table and parallelism. */
  public static DeployTime of(ResourceGraph graph, CreateTimes table, int workers) {
    List<String> order = graph.resources().stream().map(RecordedResource::urn).toList();
    Map<String, RecordedResource> byUrn = new HashMap<>();
    graph.resources().forEach(r -> byUrn.put(r.urn(), r));
    Map<String, Double> low = new HashMap<>();
    Map<String, Double> typical = new HashMap<>();
    Map<String, Double> high = new HashMap<>();
    Set<String> defaults = new TreeSet<>();
    for (RecordedResource r : graph.resources()) {
      table
          .of(r)
          .ifPresent(
              row -> {
                low.put(r.urn(), row.low());
                typical.put(r.urn(), row.typical());
                high.put(r.urn(), row.high());
                if (row.isDefault()) {
                  defaults.add(r.type());
                }
              });
    }
    Map<String, Set<String>> waits = waits(graph);
    Schedule expected = Schedule.of(order, typical, waits, workers);
    Range range =
        new Range(
            Schedule.of(order, low, waits, workers).makespan(),
            expected.makespan(),
            Schedule.of(order, high, waits, workers).makespan());
    List<PathStep> path = new ArrayList<>();
    for (Schedule.Step step : expected.path()) {
      if (step.minutes() > 0) {
        RecordedResource r = byUrn.get(step.id());
        path.add(
            new PathStep(r.name(), r.type(), step.start(), step.minutes(), step.afterWorker()));
      }
    }
    List<CostlyEdge> costly = new ArrayList<>();
    for (Schedule.Step step : expected.path()) {
      // Only an edge of the critical path can lengthen it: into a resource on the path, from the
      // dependency whose end made that resource ready.
      RecordedResource r = byUrn.get(step.id());
      String d = expected.readyAfter().get(r.urn());
      if (step.afterWorker() || d == null || !r.explicitOnlyDependencies().contains(d)) {
        continue;
      }
      Map<String, Set<String>> without = new HashMap<>(waits);
      Set<String> mine = new LinkedHashSet<>(waits.get(r.urn()));
      mine.remove(d);
      without.put(r.urn(), mine);
      double saves = expected.makespan() - Schedule.of(order, typical, without, workers).makespan();
      if (saves >= NOTICEABLE_MINUTES) {
        costly.add(new CostlyEdge(r.name(), byUrn.get(d).name(), saves));
      }
    }
    return new DeployTime(range, List.copyOf(path), List.copyOf(costly), List.copyOf(defaults));
  }

  /**
   * What each resource waits for before the engine creates it: its dependencies (explicit and from
   * inputs), its parent (the SDK awaits the parent's URN, which a custom parent has only once
   * created) and its provider (awaited by reference, {@code urn::id}).
   */
  static Map<String, Set<String>> waits(ResourceGraph graph) {
    Map<String, Set<String>> waits = new HashMap<>();
    for (RecordedResource r : graph.resources()) {
      Set<String> w = new LinkedHashSet<>(r.dependencies());
      if (r.parent() != null) {
        w.add(r.parent());
      }
      if (r.provider() != null) {
        int cut = r.provider().lastIndexOf("::");
        w.add(cut > 0 ? r.provider().substring(0, cut) : r.provider());
      }
      w.remove(r.urn());
      waits.put(r.urn(), w);
    }
    return waits;
  }

  /** Minutes rounded to a tenth, as printed and in the JSON. */
  static double tenth(double minutes) {
    return BigDecimal.valueOf(minutes).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  private static String min(double minutes) {
    return BigDecimal.valueOf(tenth(minutes)).stripTrailingZeros().toPlainString();
  }

  /** The text part of {@code plan}: the estimate, the path, costly edges, default-timed types. */
  public void print(PrintStream out, int width) {
    out.println(
        "Deploy time (first `pulumi up`, --parallel "
            + PARALLEL
            + " = 4 x "
            + CPUS
            + " CPUs): about "
            + min(minutes.typical())
            + " min (range "
            + min(minutes.low())
            + "-"
            + min(minutes.high())
            + " min)");
    out.println("    critical path (start minute, resource, type, minutes):");
    int room = Math.max(Fit.MIN, width) - 4;
    int i = 0;
    while (i < path.size()) {
      // Two or more creates whose ends each freed the worker the next one took: one line.
      int j = i;
      while (j + 1 < path.size() && path.get(j + 1).afterWorker()) {
        j++;
      }
      if (j > i + 1) {
        PathStep last = path.get(j - 1);
        out.println(
            "    "
                + Fit.cut(
                    String.format(
                        java.util.Locale.ROOT,
                        "%6s  %d creates in turn while all %d workers were busy, until %s",
                        min(path.get(i).start()),
                        j - i,
                        PARALLEL,
                        min(last.start() + last.minutes())),
                    room));
        i = j;
      }
      PathStep step = path.get(i);
      out.println(
          "    "
              + Fit.cut(
                  String.format(
                      java.util.Locale.ROOT,
                      "%6s  %s %s, %s%s",
                      min(step.start()),
                      step.name(),
                      Fit.shortType(step.type()),
                      min(step.minutes()),
                      step.afterWorker() ? " (queued for a worker)" : ""),
                  room));
      i++;
    }
    if (costlyDependsOn.isEmpty()) {
      out.println("    no explicit dependsOn without an input lengthens it");
    } else {
      out.println(
          "    explicit dependsOn with no input flowing, each lengthening it (check it is needed):");
      for (CostlyEdge e : costlyDependsOn) {
        out.println(
            "        "
                + e.resource()
                + " dependsOn "
                + e.dependsOn()
                + ": "
                + min(e.savesMinutes())
                + " min");
      }
    }
    out.println(
        "    "
            + defaults.size()
            + " resource types timed by a stated default, not a source (docs/plan.md, \"Deploy"
            + " time\")");
  }

  /** The {@code deploy} object of {@code plan --json}. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    doc.put("parallel", PARALLEL);
    doc.put("assumedCpus", CPUS);
    ObjectNode m = doc.putObject("minutes");
    m.put("typical", tenth(minutes.typical()));
    m.put("low", tenth(minutes.low()));
    m.put("high", tenth(minutes.high()));
    ArrayNode steps = doc.putArray("criticalPath");
    for (PathStep step : path) {
      ObjectNode s = steps.addObject();
      s.put("name", step.name());
      s.put("type", step.type());
      s.put("startMinute", tenth(step.start()));
      s.put("minutes", tenth(step.minutes()));
      s.put("waitedForWorker", step.afterWorker());
    }
    ArrayNode edges = doc.putArray("costlyDependsOn");
    for (CostlyEdge e : costlyDependsOn) {
      ObjectNode o = edges.addObject();
      o.put("resource", e.resource());
      o.put("dependsOn", e.dependsOn());
      o.put("savesMinutes", tenth(e.savesMinutes()));
    }
    ArrayNode d = doc.putArray("defaultTimedTypes");
    defaults.forEach(d::add);
    return doc;
  }
}
