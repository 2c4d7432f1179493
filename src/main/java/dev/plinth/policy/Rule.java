package dev.plinth.policy;

import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One policy rule over the recorded resource graph.
 *
 * @param id our id: a catalogue id ({@code NET-01}, see docs/policy.md) or {@code PL-nn} for a rule
 *     from the seeds that no scanner has
 * @param title one line: what must hold
 * @param severity mandatory (fails {@code plan --policy enforce}) or advisory
 * @param environments the environments the rule applies to; elsewhere it is not applicable
 * @param anchors the scanner rules (cdk-nag, checkov, trivy, awsguard, Security Hub) or the seed it
 *     corresponds to
 * @param types the AWS type tokens of the resources it checks
 * @param check what it finds wrong with one resource of those types; empty when it passes
 */
public record Rule(
    String id,
    String title,
    Severity severity,
    Set<Environment> environments,
    List<String> anchors,
    Set<String> types,
    Check check) {

  /** The problems a rule finds with one resource; empty when the resource passes. */
  @FunctionalInterface
  public interface Check {
    List<Problem> problems(RecordedResource resource, PolicyContext context);
  }

  public static final Set<Environment> ALL = EnumSet.allOf(Environment.class);
  public static final Set<Environment> STAGING_AND_PROD =
      EnumSet.of(Environment.STAGING, Environment.PROD);
  public static final Set<Environment> PROD = EnumSet.of(Environment.PROD);

  public Rule {
    environments = Set.copyOf(environments);
    anchors = List.copyOf(anchors);
    types = Set.copyOf(types);
  }

  /** A rule over resources of the given types; anchors separated by commas. */
  public static Rule of(
      String id,
      String title,
      Severity severity,
      Set<Environment> environments,
      String anchors,
      List<String> types,
      Check check) {
    return new Rule(
        id,
        title,
        severity,
        environments,
        List.of(anchors.split(",\\s*")),
        Set.copyOf(types),
        check);
  }

  /** Id prefix of the deployability rules: what makes AWS refuse a create or an update. */
  public static final String DEPLOYABILITY = "DEP-";

  /**
   * Whether this is a deployability rule (a category of its own: the constraints that make AWS
   * refuse a create or an update, each anchored in the API reference or documentation).
   */
  public boolean deployability() {
    return id.startsWith(DEPLOYABILITY);
  }

  public boolean appliesTo(Environment environment) {
    return environments.contains(environment);
  }
}
