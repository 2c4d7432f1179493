package dev.plinth.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.ConfigView;
import dev.plinth.config.PlatformConfig;

/**
 * The plan as one JSON document shaped like {@code pulumi preview --json}: {@code steps[]} (each
 * {@code op}, {@code urn}, {@code newState}), {@code changeSummary}, the effective {@code config}
 * (secrets as {@code [secret]}) and the stack's {@code outputs}. Later sections (policy, cost) are
 * added beside these keys.
 */
public final class PreviewJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PreviewJson() {}

  public static ObjectNode of(ResourceGraph graph, PlatformConfig config) {
    ObjectNode doc = F.objectNode();
    doc.set("config", ConfigView.of(config));
    ArrayNode steps = doc.putArray("steps");
    for (RecordedResource r : graph.inTreeOrder()) {
      ObjectNode step = steps.addObject();
      step.put("op", "create");
      step.put("urn", r.urn());
      ObjectNode state = step.putObject("newState");
      state.put("type", r.type());
      state.put("urn", r.urn());
      state.put("custom", r.custom());
      if (r.parent() != null) {
        state.put("parent", r.parent());
      }
      if (r.provider() != null) {
        state.put("provider", r.provider());
      }
      state.set("inputs", r.inputs());
      ArrayNode deps = state.putArray("dependencies");
      r.dependencies().stream().sorted().forEach(deps::add);
      state.put("protect", r.protect());
      state.put("retainOnDelete", r.retainOnDelete());
    }
    doc.putObject("changeSummary").put("create", graph.resources().size());
    doc.set("outputs", graph.outputs());
    return doc;
  }
}
