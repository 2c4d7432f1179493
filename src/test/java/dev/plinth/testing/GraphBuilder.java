package dev.plinth.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small synthetic resource graphs for rule tests: components, resources with inputs written
 * as relaxed JSON ({@code "{multiAz: true, port: 5432}"}), dependencies by name; then changes one
 * property at a time, as scanners test their rules.
 */
public final class GraphBuilder {
  private static final ObjectMapper RELAXED =
      new ObjectMapper()
          .configure(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES, true)
          .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

  private static final class Entry {
    final String type;
    final String name;
    final String parent;
    final boolean custom;
    ObjectNode inputs;
    final List<String> dependsOn = new ArrayList<>();
    boolean protect;
    final List<String> ignoreChanges = new ArrayList<>();

    Entry(String type, String name, String parent, boolean custom, ObjectNode inputs) {
      this.type = type;
      this.name = name;
      this.parent = parent;
      this.custom = custom;
      this.inputs = inputs;
    }
  }

  private final String stack;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final com.fasterxml.jackson.databind.node.ObjectNode outputs =
      JsonNodeFactory.instance.objectNode();
  private String component;

  public GraphBuilder(String stack) {
    this.stack = stack;
  }

  public static JsonNode json(String relaxed) {
    try {
      return RELAXED.readTree(relaxed);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad fixture JSON: " + relaxed, e);
    }
  }

  /** Starts a component; resources added next sit under it. */
  public GraphBuilder component(String type, String name) {
    entries.put(name, new Entry(type, name, null, false, JsonNodeFactory.instance.objectNode()));
    component = name;
    return this;
  }

  /** Adds a resource under the current component, depending on the named resources. */
  public GraphBuilder add(String type, String name, String inputs, String... dependsOn) {
    Entry e = new Entry(type, name, component, true, (ObjectNode) json(inputs));
    e.dependsOn.addAll(List.of(dependsOn));
    entries.put(name, e);
    return this;
  }

  public GraphBuilder protect(String name, boolean protect) {
    entry(name).protect = protect;
    return this;
  }

  /** Sets the resource's {@code ignoreChanges} property paths. */
  public GraphBuilder ignoreChanges(String name, String... paths) {
    entry(name).ignoreChanges.clear();
    entry(name).ignoreChanges.addAll(List.of(paths));
    return this;
  }

  /** Makes {@code name} depend on {@code dependency} as well. */
  public GraphBuilder dependOn(String name, String dependency) {
    entry(dependency);
    entry(name).dependsOn.add(dependency);
    return this;
  }

  /** Removes one dependency of a resource. */
  public GraphBuilder undepend(String name, String dependency) {
    if (!entry(name).dependsOn.remove(dependency)) {
      throw new IllegalArgumentException(name + " does not depend on " + dependency);
    }
    return this;
  }

  /** Sets an input by dotted path ({@code healthCheck.interval}, {@code rules.0.action}). */
  public GraphBuilder set(String name, String path, String relaxedValue) {
    String[] parts = path.split("\\.");
    JsonNode node = entry(name).inputs;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = child(node, parts[i]);
      if (next == null || next.isNull() || next.isMissingNode()) {
        next = JsonNodeFactory.instance.objectNode();
        ((ObjectNode) node).set(parts[i], next);
      }
      node = next;
    }
    String last = parts[parts.length - 1];
    JsonNode value = json(relaxedValue);
    if (node.isArray()) {
      ((ArrayNode) node).set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) node).set(last, value);
    }
    return this;
  }

  /** Removes an input by dotted path. */
  public GraphBuilder remove(String name, String path) {
    String[] parts = path.split("\\.");
    JsonNode node = entry(name).inputs;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (node.isArray()) {
      ((ArrayNode) node).remove(Integer.parseInt(last));
    } else {
      ((ObjectNode) node).remove(last);
    }
    return this;
  }

  /** Sets a stack output (relaxed JSON), as {@code ctx.export} does. */
  public GraphBuilder output(String name, String relaxedValue) {
    outputs.set(name, json(relaxedValue));
    return this;
  }

  /** Drops a resource (and every dependency on it). */
  public GraphBuilder drop(String name) {
    entry(name);
    entries.remove(name);
    entries.values().forEach(e -> e.dependsOn.remove(name));
    return this;
  }

  private static JsonNode child(JsonNode node, String part) {
    return node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
  }

  private Entry entry(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no resource " + name + " in the fixture");
    }
    return e;
  }

  public static String urn(String stack, String type, String name) {
    return "urn:pulumi:" + stack + "::plinth::" + type + "::" + name;
  }

  public ResourceGraph build() {
    List<RecordedResource> out = new ArrayList<>();
    String stackUrn = urn(stack, "pulumi:pulumi:Stack", "plinth-" + stack);
    out.add(
        new RecordedResource(
            "pulumi:pulumi:Stack",
            "plinth-" + stack,
            stackUrn,
            "",
            null,
            false,
            JsonNodeFactory.instance.objectNode(),
            List.of(),
            false,
            false,
            null,
            List.of()));
    for (Entry e : entries.values()) {
      String parent =
          e.parent == null ? stackUrn : urn(stack, entries.get(e.parent).type, e.parent);
      List<String> deps = e.dependsOn.stream().map(d -> urn(stack, entry(d).type, d)).toList();
      out.add(
          new RecordedResource(
              e.type,
              e.name,
              urn(stack, e.type, e.name),
              e.custom ? e.name + "-id" : "",
              parent,
              e.custom,
              e.inputs.deepCopy(),
              deps,
              e.protect,
              false,
              null,
              e.ignoreChanges));
    }
    return new ResourceGraph(stack, out, outputs.deepCopy());
  }
}
