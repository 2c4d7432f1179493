package dev.plinth.policy;

/** A rule's verdict on one resource. */
public enum Verdict {
  PASS,
  FAIL,
  /** The rule fails, but a recorded {@link PolicyException} covers every problem it found. */
  EXCEPTED,
  /** No resource the rule checks, or the rule does not apply to the stack's environment. */
  NOT_APPLICABLE;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
