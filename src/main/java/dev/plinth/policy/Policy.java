package dev.plinth.policy;

import dev.plinth.config.Environment;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Evaluates the policy pack over a recorded graph. */
public final class Policy {
  private Policy() {}

  /** Every rule, grouped by service. */
  public static List<Rule> rules() {
    return Stream.of(
            NetworkRules.all(),
            AccessRules.all(),
            ClientVpnRules.all(),
            EdgeRules.all(),
            CdnRules.all(),
            DatabaseRules.all(),
            CacheRules.all(),
            SearchRules.all(),
            StorageRules.all(),
            ComputeRules.all(),
            WorkloadRules.all(),
            SecurityRules.all(),
            ObservabilityRules.all(),
            ResilienceRules.all(),
            DataDeployRules.all(),
            ComputeDeployRules.all(),
            AddonDeployRules.all(),
            NetworkDeployRules.all(),
            BudgetRules.all(),
            ScheduleRules.all(),
            DrRules.all())
        .flatMap(List::stream)
        .toList();
  }

  public static PolicyReport evaluate(ResourceGraph graph, Environment environment) {
    return evaluate(graph, environment, rules(), Exceptions.DEFAULT);
  }

  /** With the stack's monthly estimate, which the budget rules need (else not applicable). */
  public static PolicyReport evaluate(
      ResourceGraph graph, Environment environment, java.util.OptionalDouble estimate) {
    return evaluate(graph, environment, rules(), Exceptions.DEFAULT, estimate);
  }

  public static PolicyReport evaluate(
      ResourceGraph graph,
      Environment environment,
      List<Rule> rules,
      List<PolicyException> exceptions) {
    return evaluate(graph, environment, rules, exceptions, java.util.OptionalDouble.empty());
  }

  public static PolicyReport evaluate(
      ResourceGraph graph,
      Environment environment,
      List<Rule> rules,
      List<PolicyException> exceptions,
      java.util.OptionalDouble estimate) {
    PolicyContext ctx = new PolicyContext(graph, environment, estimate);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      List<RecordedResource> subjects =
          rule.types().stream().sorted().flatMap(t -> ctx.ofType(t).stream()).toList();
      if (subjects.isEmpty() || (BudgetRules.needsEstimate(rule) && estimate.isEmpty())) {
        findings.add(new Finding(rule, null, null, Verdict.NOT_APPLICABLE, List.of(), null));
        continue;
      }
      for (RecordedResource r : subjects) {
        findings.add(judge(rule, r, ctx, exceptions));
      }
    }
    return new PolicyReport(graph.stack(), environment, findings);
  }

  private static Finding judge(
      Rule rule, RecordedResource r, PolicyContext ctx, List<PolicyException> exceptions) {
    if (!rule.appliesTo(ctx.environment())) {
      return new Finding(rule, r.type(), r.name(), Verdict.NOT_APPLICABLE, List.of(), null);
    }
    List<Problem> problems = rule.check().problems(r, ctx);
    if (problems.isEmpty()) {
      return new Finding(rule, r.type(), r.name(), Verdict.PASS, List.of(), null);
    }
    List<String> messages = problems.stream().map(Problem::message).toList();
    List<PolicyException> matching =
        exceptions.stream().filter(e -> e.matches(rule.id(), r.name(), ctx.environment())).toList();
    boolean covered = problems.stream().allMatch(p -> matching.stream().anyMatch(e -> e.covers(p)));
    if (covered) {
      String reason =
          matching.stream()
              .filter(e -> problems.stream().anyMatch(e::covers))
              .map(PolicyException::reason)
              .distinct()
              .reduce((a, b) -> a + "; " + b)
              .orElse("");
      return new Finding(rule, r.type(), r.name(), Verdict.EXCEPTED, messages, reason);
    }
    List<String> uncovered =
        problems.stream()
            .filter(p -> matching.stream().noneMatch(e -> e.covers(p)))
            .map(Problem::message)
            .toList();
    return new Finding(rule, r.type(), r.name(), Verdict.FAIL, uncovered, null);
  }
}
