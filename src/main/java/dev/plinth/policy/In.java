package dev.plinth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plinth.Json;
import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading a recorded resource's inputs (the Pulumi AWS provider's camelCase names). */
final class In {
  private In() {}

  static boolean bool(RecordedResource r, String path, boolean absent) {
    return r.input(path).map(JsonNode::asBoolean).orElse(absent);
  }

  static boolean isTrue(RecordedResource r, String path) {
    return bool(r, path, false);
  }

  static Optional<Integer> integer(RecordedResource r, String path) {
    return r.input(path)
        .filter(n -> n.isNumber() || n.asText().matches("-?\\d+"))
        .map(JsonNode::asInt);
  }

  static Optional<String> text(RecordedResource r, String path) {
    return r.input(path).map(JsonNode::asText).filter(s -> !s.isBlank());
  }

  static boolean present(RecordedResource r, String path) {
    return text(r, path).isPresent() || r.input(path).map(n -> n.size() > 0).orElse(false);
  }

  /** An array input as a list (a single value as a one-element list); empty when absent. */
  static List<JsonNode> list(RecordedResource r, String path) {
    return list(r.input(path).orElse(null));
  }

  static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(out::add);
    } else {
      out.add(node);
    }
    return out;
  }

  static List<String> texts(RecordedResource r, String path) {
    return list(r, path).stream().map(JsonNode::asText).toList();
  }

  static List<String> texts(JsonNode node) {
    return list(node).stream().map(JsonNode::asText).toList();
  }

  /** A JSON document held as a string input (an IAM or bucket policy); empty if absent. */
  static Optional<JsonNode> document(RecordedResource r, String path) {
    return r.input(path)
        .map(
            n -> {
              if (n.isObject()) {
                return n;
              }
              try {
                return Json.MAPPER.readTree(n.asText());
              } catch (Exception e) {
                return JsonNodeFactory.instance.objectNode();
              }
            });
  }

  /** The statements of a policy document (a single statement object as a one-element list). */
  static List<JsonNode> statements(Optional<JsonNode> document) {
    return document.map(d -> list(d.get("Statement"))).orElse(List.of());
  }

  /** Whether a statement's principal is anyone: {@code "*"} or {@code {"AWS": "*"}}. */
  static boolean anyPrincipal(JsonNode statement) {
    JsonNode p = statement.get("Principal");
    if (p == null) {
      return false;
    }
    if (p.isTextual()) {
      return p.asText().equals("*");
    }
    return texts(p.get("AWS")).contains("*");
  }

  static boolean allows(JsonNode statement) {
    return statement.path("Effect").asText().equals("Allow");
  }

  static boolean conditioned(JsonNode statement) {
    return statement.has("Condition") && statement.get("Condition").size() > 0;
  }

  /**
   * A Kubernetes object's namespace; {@code default} when it names none, as the API server reads
   * it.
   */
  static String namespace(RecordedResource r) {
    return text(r, "metadata.namespace").orElse("default");
  }

  /** Whether a label selector's labels all appear among a pod template's labels. */
  static boolean selects(JsonNode selector, JsonNode labels) {
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    var it = selector.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }
}
