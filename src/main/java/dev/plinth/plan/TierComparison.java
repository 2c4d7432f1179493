package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.plinth.Checks;
import dev.plinth.config.ConfigException;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import dev.plinth.config.Tier;
import dev.plinth.policy.PolicyMode;
import dev.plinth.review.Review;
import dev.plinth.review.StackSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second table of {@code plan --all}: a production stack planned once per tier ({@code
 * plinth:tier} small, medium, large; its other settings as its stack file writes them, without
 * {@code plinth:capacity}, which would pick one tier), side by side with each tier's estimate. Only
 * the settings that differ between the tiers are shown, then the estimate and the budget. The
 * policy is not run on these plans: they are what-ifs, not the stack.
 */
final class TierComparison {
  /** The rows always shown, whether or not they differ. */
  static final List<String> ALWAYS = List.of("cost / month", "budget / month", "estimate / budget");

  private TierComparison() {}

  /**
   * Each tier's key settings for the stack file {@code raw} (column name: the tier, with the
   * stack's own marked), or the first problem that stops a tier from loading.
   */
  static Map<String, Map<String, String>> of(String stack, RawConfig raw, Tier current) {
    Map<String, Map<String, String>> byTier = new LinkedHashMap<>();
    for (Tier tier : Tier.all()) {
      Map<String, JsonNode> values = new LinkedHashMap<>(raw.values());
      values.put("plinth:tier", TextNode.valueOf(tier.key()));
      values.remove("plinth:capacity");
      String column = tier.key() + (tier == current ? " (" + stack + ")" : "");
      Map<String, String> row;
      try {
        PlatformConfig config = Checks.load(new RawConfig(values, List.of()), stack);
        ResourceGraph graph = Recorder.plan(config);
        row = StackSummary.of(graph, Review.of(graph, config, PolicyMode.OFF));
      } catch (ConfigException e) {
        row = new LinkedHashMap<>();
        row.put("cost / month", "config error: " + e.problems().get(0).message());
      }
      byTier.put(column, row);
    }
    return differing(byTier);
  }

  /** Only the rows whose values differ between the tiers, and {@link #ALWAYS}. */
  static Map<String, Map<String, String>> differing(Map<String, Map<String, String>> byTier) {
    Set<String> keys = new LinkedHashSet<>();
    byTier.values().forEach(m -> keys.addAll(m.keySet()));
    List<String> kept = new ArrayList<>();
    for (String key : keys) {
      Set<String> values = new LinkedHashSet<>();
      byTier.values().forEach(m -> values.add(m.getOrDefault(key, StackSummary.NONE)));
      if (values.size() > 1 || ALWAYS.contains(key)) {
        kept.add(key);
      }
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    byTier.forEach(
        (tier, m) -> {
          Map<String, String> row = new LinkedHashMap<>();
          kept.forEach(k -> row.put(k, m.getOrDefault(k, StackSummary.NONE)));
          out.put(tier, row);
        });
    return out;
  }

  /** The table, with its heading. */
  static void print(PrintStream out, String stack, Map<String, Map<String, String>> byTier, int w) {
    out.println();
    out.println(
        "Production tiers of "
            + stack
            + " (Pulumi."
            + stack
            + ".yaml planned with each plinth:tier, seed 001; only what differs, and the"
            + " estimate):");
    StackSummary.printTable(out, byTier, w);
  }
}
