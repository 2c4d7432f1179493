package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two plans compared resource by resource, URNs being the identity (a renamed resource is a delete
 * and a create): what {@code plan --diff-from} shows. Each resource is {@code same}, {@code update}
 * (its inputs, dependencies, parent, provider or protect differ), {@code replace} (an input that
 * {@link ReplacingInputs} lists changed, or an AWS resource's provider moved to another region),
 * {@code create} or {@code delete}.
 */
public final class PlanDiff {
  private PlanDiff() {}

  /**
   * Equal JSON values, numbers by value: a plan read from a file holds {@code 300} as an int where
   * the plan built in memory may hold another number type.
   */
  private static final java.util.Comparator<JsonNode> SAME_VALUE =
      (x, y) ->
          x.isNumber() && y.isNumber()
              ? x.decimalValue().compareTo(y.decimalValue())
              : x.equals(y) ? 0 : 1;

  /** The step operations, spelled as {@code pulumi preview --json} spells them. */
  public enum Op {
    CREATE("+", "create"),
    UPDATE("~", "update"),
    REPLACE("+-", "replace"),
    DELETE("-", "delete"),
    SAME(" ", "same");

    public final String symbol;
    public final String key;

    Op(String symbol, String key) {
      this.symbol = symbol;
      this.key = key;
    }
  }

  /**
   * One changed input: its dotted path, old and new value (null when absent), and the table's input
   * that makes the change replace the resource (null when it updates in place).
   */
  public record InputChange(String path, JsonNode before, JsonNode after, String replacing) {
    /**
     * {@code detailedDiff}'s kind: add, delete or update, with {@code -replace} when it replaces.
     */
    public String kind() {
      String kind = before == null ? "add" : after == null ? "delete" : "update";
      return replacing == null ? kind : kind + "-replace";
    }

    /** The first path segment: what {@code diffReasons} lists. */
    public String topKey() {
      return path.split("[.\\[]", 2)[0];
    }
  }

  /**
   * A change outside the inputs: {@code dependencies}, {@code parent}, {@code provider}, {@code
   * protect}.
   */
  public record OtherChange(String what, JsonNode before, JsonNode after) {}

  /** One resource of either plan and what happens to it. */
  public record Change(
      String urn,
      String type,
      Op op,
      JsonNode oldState,
      JsonNode newState,
      List<InputChange> inputs,
      List<OtherChange> others,
      List<String> replaceReasons) {
    /** The resource's name: the last segment of its URN. */
    public String name() {
      return urn.substring(urn.lastIndexOf("::") + 2);
    }
  }

  /**
   * Whether {@code doc} is a plan document: a {@code steps} array of items with urn and newState.
   */
  public static boolean isPlan(JsonNode doc) {
    if (doc == null || !doc.path("steps").isArray()) {
      return false;
    }
    for (JsonNode step : doc.get("steps")) {
      if (!step.path("urn").isTextual() || !step.path("newState").isObject()) {
        return false;
      }
    }
    return true;
  }

  /** Every resource of both plans: those of {@code newer} in its order, then the deleted ones. */
  public static List<Change> compare(JsonNode older, JsonNode newer, ReplacingInputs table) {
    Map<String, JsonNode> before = states(older);
    Map<String, JsonNode> after = states(newer);
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : after.entrySet()) {
      JsonNode old = before.get(e.getKey());
      changes.add(
          old == null
              ? new Change(
                  e.getKey(),
                  type(e.getValue()),
                  Op.CREATE,
                  null,
                  e.getValue(),
                  List.of(),
                  List.of(),
                  List.of())
              : compareOne(e.getKey(), old, e.getValue(), before, after, table));
    }
    before.forEach(
        (urn, old) -> {
          if (!after.containsKey(urn)) {
            changes.add(
                new Change(urn, type(old), Op.DELETE, old, null, List.of(), List.of(), List.of()));
          }
        });
    return changes;
  }

  /** How many resources each op has, in {@link Op} order. */
  public static Map<Op, Integer> counts(List<Change> changes) {
    Map<Op, Integer> counts = new LinkedHashMap<>();
    for (Op op : Op.values()) {
      counts.put(op, 0);
    }
    changes.forEach(c -> counts.merge(c.op(), 1, Integer::sum));
    return counts;
  }

  private static Map<String, JsonNode> states(JsonNode doc) {
    Map<String, JsonNode> states = new LinkedHashMap<>();
    for (JsonNode step : doc.get("steps")) {
      states.put(step.get("urn").asText(), step.get("newState"));
    }
    return states;
  }

  private static String type(JsonNode state) {
    return state.path("type").asText();
  }

  private static Change compareOne(
      String urn,
      JsonNode old,
      JsonNode now,
      Map<String, JsonNode> before,
      Map<String, JsonNode> after,
      ReplacingInputs table) {
    String type = type(now);
    List<InputChange> inputs = new ArrayList<>();
    diff("", old.path("inputs"), now.path("inputs"), type, table, inputs);
    Set<String> reasons = new LinkedHashSet<>();
    inputs.stream().map(InputChange::replacing).filter(Objects::nonNull).forEach(reasons::add);
    List<OtherChange> others = new ArrayList<>();
    for (String what : List.of("dependencies", "parent", "provider", "protect")) {
      JsonNode a = old.get(what);
      JsonNode b = now.get(what);
      if (!Objects.equals(a, b)) {
        others.add(new OtherChange(what, a, b));
      }
    }
    if (type.startsWith("aws:")) {
      String from = region(old.path("provider").asText(null), before);
      String to = region(now.path("provider").asText(null), after);
      if (!Objects.equals(from, to)) {
        reasons.add("provider region (" + from + " -> " + to + ")");
      }
    }
    Op op =
        !reasons.isEmpty()
            ? Op.REPLACE
            : inputs.isEmpty() && others.isEmpty() ? Op.SAME : Op.UPDATE;
    return new Change(
        urn, type, op, old, now, List.copyOf(inputs), List.copyOf(others), List.copyOf(reasons));
  }

  /** The region of the provider a reference ({@code urn::id}) names, if that plan has it. */
  private static String region(String reference, Map<String, JsonNode> states) {
    if (reference == null) {
      return null;
    }
    int id = reference.lastIndexOf("::");
    JsonNode provider = states.get(id < 0 ? reference : reference.substring(0, id));
    return provider == null ? null : provider.path("inputs").path("region").asText(null);
  }

  private static void diff(
      String path,
      JsonNode a,
      JsonNode b,
      String type,
      ReplacingInputs table,
      List<InputChange> out) {
    if (a != null && b != null && a.equals(SAME_VALUE, b)) {
      return;
    }
    if (a == null && b == null) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), type, table, out);
      }
      return;
    }
    if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      Iterator<JsonNode> left = a.elements();
      Iterator<JsonNode> right = b.elements();
      for (int i = 0; left.hasNext(); i++) {
        diff(path + "[" + i + "]", left.next(), right.next(), type, table, out);
      }
      return;
    }
    JsonNode before = a == null || a.isMissingNode() ? null : a;
    JsonNode after = b == null || b.isMissingNode() ? null : b;
    out.add(new InputChange(path, before, after, table.replacing(type, path).orElse(null)));
  }

  /** A step of the diff document (like {@code pulumi preview --json}'s). */
  static ObjectNode step(Change c, ObjectNode step) {
    step.put("op", c.op().key);
    step.put("urn", c.urn());
    if (c.oldState() != null) {
      step.set("oldState", c.oldState());
    }
    if (c.newState() != null) {
      step.set("newState", c.newState());
    }
    if (c.op() == Op.UPDATE || c.op() == Op.REPLACE) {
      var reasons = step.putArray("diffReasons");
      c.inputs().stream().map(InputChange::topKey).distinct().forEach(reasons::add);
      if (c.op() == Op.REPLACE) {
        var replace = step.putArray("replaceReasons");
        c.replaceReasons().forEach(replace::add);
      }
      ObjectNode detailed = step.putObject("detailedDiff");
      c.inputs().forEach(i -> detailed.putObject(i.path()).put("kind", i.kind()));
      if (!c.others().isEmpty()) {
        var others = step.putArray("otherChanges");
        c.others().forEach(o -> others.add(o.what()));
      }
    }
    return step;
  }
}
