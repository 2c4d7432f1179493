package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One resource registration as the engine would receive it: type, name, URN, parent, inputs (with
 * secrets masked), dependencies, the {@code protect} and {@code retainOnDelete} options and the
 * {@code ignoreChanges} property paths; plus the id the mock cloud gave it, which other resources'
 * inputs refer to.
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
    List<String> ignoreChanges) {

  public RecordedResource {
    ignoreChanges = ignoreChanges == null ? List.of() : List.copyOf(ignoreChanges);
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
