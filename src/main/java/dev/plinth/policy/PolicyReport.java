package dev.plinth.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.Environment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule's verdict on every resource it checks, for one stack. */
public record PolicyReport(String stack, Environment environment, List<Finding> findings) {

  public PolicyReport {
    findings = List.copyOf(findings);
  }

  public List<Finding> failures() {
    return with(Verdict.FAIL);
  }

  public List<Finding> mandatoryFailures() {
    return findings.stream().filter(Finding::mandatoryFailure).toList();
  }

  public List<Finding> with(Verdict verdict) {
    return findings.stream().filter(f -> f.verdict() == verdict).toList();
  }

  public long count(Verdict verdict) {
    return findings.stream().filter(f -> f.verdict() == verdict).count();
  }

  /** The verdict of a rule on a named resource, if the rule checked it. */
  public Optional<Finding> verdict(String ruleId, String resourceName) {
    return findings.stream()
        .filter(f -> f.ruleId().equals(ruleId) && resourceName.equals(f.resourceName()))
        .findFirst();
  }

  /** Failures first (mandatory before advisory), then exceptions with reasons, then counts. */
  public void print(PrintStream out, PolicyMode mode) {
    long rules = findings.stream().map(Finding::ruleId).distinct().count();
    out.println(
        "Policy ("
            + mode.key()
            + ", "
            + environment.key()
            + "): "
            + rules
            + " rules, "
            + mandatoryFailures().size()
            + " mandatory and "
            + (failures().size() - mandatoryFailures().size())
            + " advisory failures");
    failures().stream()
        .sorted(
            Comparator.comparing((Finding f) -> f.rule().severity())
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::resourceName))
        .forEach(
            f -> {
              out.println(
                  "    FAIL "
                      + f.rule().severity().key()
                      + " "
                      + f.ruleId()
                      + " ("
                      + f.rule().title()
                      + ")");
              f.messages().forEach(m -> out.println("        " + m));
            });
    // One line per rule and reason: the resources it excepts, then why.
    Map<List<String>, List<String>> excepted = new LinkedHashMap<>();
    for (Finding f : with(Verdict.EXCEPTED)) {
      excepted
          .computeIfAbsent(List.of(f.ruleId(), f.exceptionReason()), k -> new ArrayList<>())
          .add(f.resourceName());
    }
    excepted.forEach(
        (key, names) ->
            out.println(
                "    excepted " + key.get(0) + " " + String.join(", ", names) + ": " + key.get(1)));
    out.println(
        "    "
            + count(Verdict.PASS)
            + " passes, "
            + count(Verdict.EXCEPTED)
            + " excepted, "
            + count(Verdict.NOT_APPLICABLE)
            + " not applicable");
  }

  public ObjectNode toJson(PolicyMode mode) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    doc.put("mode", mode.key());
    doc.put("environment", environment.key());
    ObjectNode summary = doc.putObject("summary");
    for (Verdict v : Verdict.values()) {
      summary.put(v.key(), count(v));
    }
    summary.put("mandatoryFailures", mandatoryFailures().size());
    ArrayNode rules = doc.putArray("rules");
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    findings.forEach(
        x -> byRule.computeIfAbsent(x.ruleId(), k -> new java.util.ArrayList<>()).add(x));
    byRule.forEach(
        (id, list) -> {
          Rule rule = list.get(0).rule();
          ObjectNode r = rules.addObject();
          r.put("id", id);
          r.put("title", rule.title());
          r.put("severity", rule.severity().key());
          ArrayNode envs = r.putArray("environments");
          rule.environments().stream().sorted().forEach(e -> envs.add(e.key()));
          ArrayNode anchors = r.putArray("anchors");
          rule.anchors().forEach(anchors::add);
          ArrayNode verdicts = r.putArray("verdicts");
          for (Finding x : list) {
            ObjectNode v = verdicts.addObject();
            if (x.resourceName() != null) {
              v.put("resource", x.resourceName());
              v.put("type", x.resourceType());
            }
            v.put("verdict", x.verdict().key());
            if (!x.messages().isEmpty()) {
              ArrayNode messages = v.putArray("messages");
              x.messages().forEach(messages::add);
            }
            if (x.exceptionReason() != null) {
              v.put("exception", x.exceptionReason());
            }
          }
        });
    return doc;
  }
}
