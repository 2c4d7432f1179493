package dev.plinth.recovery;

import java.util.OptionalDouble;

/**
 * One expected recovery figure (a time to recover, or the data lost, in minutes) against its
 * target, with the figures it was added up from.
 *
 * @param minutes the expectation; empty when AWS documents no figure to add up
 * @param targetMinutes the target from {@code plinth:dr}; 0 is no target
 * @param applies false where the figure has no meaning for the part (the data a stateless part
 *     loses)
 * @param basis how the figure was reached, for the report's reader
 */
public record Estimate(OptionalDouble minutes, int targetMinutes, boolean applies, String basis) {

  /** How an estimate compares with its target. */
  public enum Verdict {
    MEETS("meets"),
    MISSES("misses"),
    UNKNOWN("unknown"),
    NO_TARGET("no target"),
    NOT_APPLICABLE("n/a");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static Estimate of(double minutes, int target, String basis) {
    return new Estimate(OptionalDouble.of(minutes), target, true, basis);
  }

  static Estimate unknown(int target, String basis) {
    return new Estimate(OptionalDouble.empty(), target, true, basis);
  }

  static Estimate notApplicable(String basis) {
    return new Estimate(OptionalDouble.empty(), 0, false, basis);
  }

  public Verdict verdict() {
    if (!applies) {
      return Verdict.NOT_APPLICABLE;
    }
    if (targetMinutes == 0) {
      return Verdict.NO_TARGET;
    }
    if (minutes.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    return minutes.getAsDouble() <= targetMinutes ? Verdict.MEETS : Verdict.MISSES;
  }

  /** The figure as the report shows it: {@code 3.5 min}, {@code unknown}, {@code -}. */
  public String shown() {
    if (!applies) {
      return "-";
    }
    return minutes.isPresent() ? RecoveryReport.minutes(minutes.getAsDouble()) : "unknown";
  }
}
