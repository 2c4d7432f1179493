package dev.plinth.policy;

/** How a rule's failure counts: a mandatory failure stops {@code plan --policy enforce}. */
public enum Severity {
  MANDATORY,
  ADVISORY;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
