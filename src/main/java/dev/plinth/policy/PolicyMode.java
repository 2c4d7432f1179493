package dev.plinth.policy;

import java.util.Locale;

/** {@code plan --policy}: what a failure does. */
public enum PolicyMode {
  /** Mandatory failures make the plan exit 3. */
  ENFORCE,
  /** Every failure is reported; the plan still exits 0. */
  ADVISORY,
  /** No policy evaluation. */
  OFF;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
