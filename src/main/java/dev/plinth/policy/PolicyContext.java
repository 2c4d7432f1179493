package dev.plinth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule may ask about the graph besides the resource it checks: the environment, and which
 * resources refer to which (by dependency, or by an input holding the other's id).
 */
public final class PolicyContext {
  private final ResourceGraph graph;
  private final Environment environment;
  private final Map<String, List<RecordedResource>> byType = new HashMap<>();
  private final java.util.OptionalDouble estimate;

  public PolicyContext(ResourceGraph graph, Environment environment) {
    this(graph, environment, java.util.OptionalDouble.empty());
  }

  /**
   * With the stack's monthly cost estimate (the review's cost report; the policy pack does not
   * price resources itself), which the budget rules compare with the budget.
   */
  public PolicyContext(
      ResourceGraph graph, Environment environment, java.util.OptionalDouble estimate) {
    this.graph = graph;
    this.environment = environment;
    this.estimate = estimate;
  }

  /** The stack's monthly cost estimate in USD, when the caller priced the graph. */
  public java.util.OptionalDouble estimate() {
    return estimate;
  }

  public ResourceGraph graph() {
    return graph;
  }

  public Environment environment() {
    return environment;
  }

  /** Whether the stack is a disaster-recovery standby (its output {@code drRole}). */
  public boolean standby() {
    return "standby".equals(output("drRole"));
  }

  /** A standby's primary's region (its output {@code primaryRegion}); empty for a primary. */
  public String primaryRegion() {
    return output("primaryRegion");
  }

  /** The stack's own region (its output {@code region}). */
  public String stackRegion() {
    return output("region");
  }

  /**
   * The name of a failover pair's CDN origin record ({@code origin.<domain>}, the output {@code
   * cdnOrigin}); empty outside a pair behind a CDN.
   */
  public String cdnOrigin() {
    return output("cdnOrigin");
  }

  private String output(String name) {
    var node = graph.outputs().get(name);
    return node == null || !node.isTextual() ? "" : node.asText();
  }

  public List<RecordedResource> ofType(String type) {
    return byType.computeIfAbsent(type, graph::ofType);
  }

  /** Resources of {@code type} that refer to {@code target}: depend on it or hold its id. */
  public List<RecordedResource> referring(RecordedResource target, String type) {
    return ofType(type).stream().filter(r -> refersTo(r, target)).toList();
  }

  /** Resources of {@code type} that {@code source} refers to. */
  public List<RecordedResource> referredBy(RecordedResource source, String type) {
    return ofType(type).stream().filter(r -> refersTo(source, r)).toList();
  }

  /** Whether {@code source} depends on {@code target} or one of its inputs is target's id. */
  public static boolean refersTo(RecordedResource source, RecordedResource target) {
    if (source.dependencies().contains(target.urn())) {
      return true;
    }
    return target.id() != null && !target.id().isEmpty() && holds(source.inputs(), target.id());
  }

  private static boolean holds(JsonNode node, String value) {
    if (node.isTextual()) {
      return node.asText().equals(value);
    }
    for (JsonNode child : node) {
      if (holds(child, value)) {
        return true;
      }
    }
    return false;
  }
}
