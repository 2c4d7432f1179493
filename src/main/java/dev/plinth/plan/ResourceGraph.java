package dev.plinth.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Everything one run of the program registered, in a stable order (parents before children,
 * siblings by name), with the stack's outputs. The plan prints it; the tests and, later, the policy
 * pack and the cost estimate read it.
 */
public record ResourceGraph(String stack, List<RecordedResource> resources, ObjectNode outputs) {

  public ResourceGraph {
    // By URN: the engine registers concurrently, so the order of arrival changes from one run to
    // the next; everything that reads the graph (policy verdicts, cost lines) then reads it in the
    // same order every time.
    resources = resources.stream().sorted(Comparator.comparing(RecordedResource::urn)).toList();
  }

  public Optional<RecordedResource> root() {
    return resources.stream().filter(RecordedResource::isStack).findFirst();
  }

  public List<RecordedResource> children(String parentUrn) {
    return resources.stream()
        .filter(r -> parentUrn.equals(r.parent()))
        .sorted(Comparator.comparing(RecordedResource::name).thenComparing(RecordedResource::type))
        .toList();
  }

  public List<RecordedResource> ofType(String type) {
    return where(r -> r.type().equals(type));
  }

  public List<RecordedResource> where(Predicate<RecordedResource> predicate) {
    return resources.stream().filter(predicate).toList();
  }

  /** The one resource of this type and name; fails naming both when there is none. */
  public RecordedResource get(String type, String name) {
    return resources.stream()
        .filter(r -> r.type().equals(type) && r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + type + " named " + name + " in the plan of " + stack));
  }

  public Optional<RecordedResource> byUrn(String urn) {
    return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
  }

  /** Resource counts by type, sorted by type. */
  public Map<String, Long> countsByType() {
    return resources.stream()
        .collect(
            Collectors.groupingBy(RecordedResource::type, TreeMap::new, Collectors.counting()));
  }

  /** Resources in tree order: depth first from the stack, siblings by name. */
  public List<RecordedResource> inTreeOrder() {
    List<RecordedResource> out = new java.util.ArrayList<>();
    root().ifPresent(r -> walk(r, out));
    resources.stream()
        .filter(r -> !out.contains(r))
        .sorted(Comparator.comparing(RecordedResource::urn))
        .forEach(out::add);
    return out;
  }

  private void walk(RecordedResource node, List<RecordedResource> out) {
    out.add(node);
    children(node.urn()).forEach(c -> walk(c, out));
  }
}
