package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource registration as the engine would receive it: type, name, URN, parent, inputs (with
 * secrets masked), dependencies, the {@code protect} and {@code retainOnDelete} options and the
 * {@code ignoreChanges} property paths; plus the id the mock cloud gave it, which other resources'
 * inputs refer to.
 *
 * <p>{@code dependencies} is every resource this one waits for (explicit {@code dependsOn} and the
 * resources its inputs come from); {@code propertyDependencies} says, per input, which of them that
 * input comes from. A dependency in no input's list is an explicit {@code dependsOn} alone
 * (pulumi-java's {@code prepareResourceAsync} builds both lists this way).
 */
public record RecordedResource(
    String type,
    String name,
    String urn,
    String id,
    String parent,
    boolean custom,
    ObjectNode inputs,
    List<String> dependencies,
    boolean protect,
    boolean retainOnDelete,
    String provider,
    List<String> ignoreChanges,
    Map<String, List<String>> propertyDependencies) {

  public RecordedResource {
    ignoreChanges = ignoreChanges == null ? List.of() : List.copyOf(ignoreChanges);
    propertyDependencies =
        propertyDependencies == null ? Map.of() : Map.copyOf(propertyDependencies);
  }

  /** A registration without per-input dependencies (tests that build graphs by hand). */
  public RecordedResource(
      String type,
      String name,
      String urn,
      String id,
      String parent,
      boolean custom,
      ObjectNode inputs,
      List<String> dependencies,
      boolean protect,
      boolean retainOnDelete,
      String provider,
      List<String> ignoreChanges) {
    this(
        type,
        name,
        urn,
        id,
        parent,
        custom,
        inputs,
        dependencies,
        protect,
        retainOnDelete,
        provider,
        ignoreChanges,
        Map.of());
  }

  /**
   * The dependencies no input comes from: what an explicit {@code dependsOn} alone added, sorted.
   */
  public List<String> explicitOnlyDependencies() {
    java.util.Set<String> flowing = new java.util.HashSet<>();
    propertyDependencies.values().forEach(flowing::addAll);
    return dependencies.stream().filter(d -> !flowing.contains(d)).distinct().sorted().toList();
  }

  /** An input by dotted path ({@code tags.Name}, {@code ingress.0.fromPort}); empty if absent. */
  public Optional<JsonNode> input(String path) {
    JsonNode node = inputs;
    for (String part : path.split("\\.")) {
      if (node == null) {
        return Optional.empty();
      }
      node =
          node.isArray() && part.matches("\\d+")
              ? node.get(Integer.parseInt(part))
              : node.get(part);
    }
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  /** An input as text; fails naming the resource when absent. */
  public String text(String path) {
    return input(path)
        .map(JsonNode::asText)
        .orElseThrow(() -> new AssertionError(type + " " + name + " has no input " + path));
  }

  public boolean isStack() {
    return type.equals("pulumi:pulumi:Stack");
  }

  @Override
  public String toString() {
    return type + " " + name;
  }
}
