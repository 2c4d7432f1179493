package dev.plinth.policy;

import java.util.List;

/**
 * One rule's verdict on one resource.
 *
 * @param resourceType the resource's type token; null when the rule had nothing to check
 * @param resourceName the resource's name; null when the rule had nothing to check
 * @param messages what is wrong and the fix (failures and excepted verdicts)
 * @param exceptionReason the reason of the exception that covers an excepted verdict
 */
public record Finding(
    Rule rule,
    String resourceType,
    String resourceName,
    Verdict verdict,
    List<String> messages,
    String exceptionReason) {

  public Finding {
    messages = List.copyOf(messages);
  }

  public String ruleId() {
    return rule.id();
  }

  public boolean mandatoryFailure() {
    return verdict == Verdict.FAIL && rule.severity() == Severity.MANDATORY;
  }
}
