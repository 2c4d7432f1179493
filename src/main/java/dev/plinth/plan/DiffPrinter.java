package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.Json;
import dev.plinth.plan.DiffVerdicts.Note;
import dev.plinth.plan.DiffVerdicts.Verdict;
import dev.plinth.plan.PlanDiff.Change;
import dev.plinth.plan.PlanDiff.InputChange;
import dev.plinth.plan.PlanDiff.Op;
import dev.plinth.plan.PlanDiff.OtherChange;
import dev.plinth.policy.PolicyMode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The diff of {@code plan --diff-from} as text (the changed resources, each with its changed inputs
 * old -> new and its notes, the diff rules' findings, then one summary line) or as one JSON
 * document shaped like {@code pulumi preview --json}.
 */
final class DiffPrinter {
  private static final int VALUE_WIDTH = 70;

  private DiffPrinter() {}

  /** The summary line: {@code + N to create, ~ N to update, +- N to replace, ...}. */
  static String summary(List<Change> changes) {
    Map<Op, Integer> n = PlanDiff.counts(changes);
    return "+ "
        + n.get(Op.CREATE)
        + " to create, ~ "
        + n.get(Op.UPDATE)
        + " to update, +- "
        + n.get(Op.REPLACE)
        + " to replace, - "
        + n.get(Op.DELETE)
        + " to delete, "
        + n.get(Op.SAME)
        + " unchanged";
  }

  static void text(
      PrintStream out,
      String stack,
      String from,
      List<Change> changes,
      List<Note> notes,
      List<Verdict> verdicts,
      PolicyMode policy) {
    out.println("Diff of " + stack + " from " + from + ":");
    for (Change c : changes) {
      if (c.op() == Op.SAME) {
        continue;
      }
      String head =
          "  " + c.op().symbol + " " + c.op().key + " " + c.name() + " (" + c.type() + ")";
      if (c.op() == Op.REPLACE) {
        head += ", replaced because of " + String.join(", ", c.replaceReasons());
      }
      out.println(head);
      for (InputChange i : c.inputs()) {
        int at = firstDifference(i.before(), i.after());
        out.println(
            "      "
                + i.path()
                + ": "
                + show(i.before(), at)
                + " -> "
                + show(i.after(), at)
                + (i.replacing() != null ? "  (replaces: " + i.replacing() + ")" : ""));
      }
      for (OtherChange o : c.others()) {
        out.println("      [" + o.what() + "] " + other(o));
      }
      notes.stream()
          .filter(n -> n.resource().equals(c.name()))
          .forEach(n -> out.println("      note: " + n.text()));
    }
    if (!verdicts.isEmpty()) {
      out.println("Diff rules (--policy " + policy.key() + "):");
      verdicts.forEach(v -> out.println("  " + v.line()));
    }
    out.println(summary(changes));
  }

  static ObjectNode json(
      String from,
      List<Change> changes,
      List<Note> notes,
      List<Verdict> verdicts,
      PolicyMode policy) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("diffFrom", from);
    ArrayNode steps = doc.putArray("steps");
    changes.forEach(c -> PlanDiff.step(c, steps.addObject()));
    ObjectNode summary = doc.putObject("changeSummary");
    PlanDiff.counts(changes).forEach((op, n) -> summary.put(op.key, n));
    ArrayNode noteArray = doc.putArray("notes");
    notes.forEach(n -> noteArray.addObject().put("resource", n.resource()).put("note", n.text()));
    ObjectNode rules = doc.putObject("diffPolicy");
    rules.put("mode", policy.key());
    ArrayNode found = rules.putArray("verdicts");
    verdicts.forEach(
        v ->
            found
                .addObject()
                .put("rule", v.ruleId())
                .put("resource", v.resource())
                .put("mandatory", v.mandatory())
                .put("message", v.message()));
    return doc;
  }

  /**
   * Where two long values (a JSON document in a string) start to differ, so that both are shown
   * from a little before there; 0 when they are short or of different kinds.
   */
  private static int firstDifference(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return 0;
    }
    String x = a.toString();
    String y = b.toString();
    if (x.length() <= VALUE_WIDTH && y.length() <= VALUE_WIDTH) {
      return 0;
    }
    int i = 0;
    while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
      i++;
    }
    return Math.max(0, i - 20);
  }

  private static String show(JsonNode value, int from) {
    if (value == null) {
      return "(absent)";
    }
    String text = value.toString();
    if (from > 0 && from < text.length()) {
      text = "..." + text.substring(from);
    }
    return text.length() > VALUE_WIDTH ? text.substring(0, VALUE_WIDTH - 3) + "..." : text;
  }

  /** A change outside the inputs, with URNs shortened to resource names. */
  private static String other(OtherChange o) {
    if (o.what().equals("dependencies")) {
      List<String> before = names(o.before());
      List<String> after = names(o.after());
      List<String> parts = new ArrayList<>();
      after.stream().filter(n -> !before.contains(n)).forEach(n -> parts.add("+" + n));
      before.stream().filter(n -> !after.contains(n)).forEach(n -> parts.add("-" + n));
      return parts.isEmpty() ? "reordered" : String.join(", ", parts);
    }
    return name(o.before()) + " -> " + name(o.after());
  }

  private static List<String> names(JsonNode urns) {
    List<String> names = new ArrayList<>();
    if (urns != null) {
      urns.forEach(u -> names.add(name(u)));
    }
    return names;
  }

  private static String name(JsonNode value) {
    if (value == null) {
      return "(absent)";
    }
    if (!value.isTextual() || !value.asText().startsWith("urn:")) {
      return value.toString();
    }
    String urn = value.asText();
    String[] parts = urn.split("::");
    // urn:pulumi:stack::project::type::name, and a provider reference adds ::id.
    return parts.length >= 4 ? parts[3] : urn;
  }
}
