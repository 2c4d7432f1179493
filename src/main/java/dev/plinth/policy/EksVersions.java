package dev.plinth.policy;

import java.util.List;

/**
 * Kubernetes versions EKS supports, as of the price table's date, from the Amazon EKS Kubernetes
 * release calendar (standard support 14 months after release, extended support 12 more at $0.60 per
 * cluster-hour instead of $0.10). Update with the calendar.
 */
public final class EksVersions {
  private EksVersions() {}

  public static final String AS_OF = "as of 2026-11";

  /** In standard support. */
  public static final List<String> STANDARD = List.of("1.34", "1.35", "1.36");

  /** In extended support only: supported, but the control plane costs $0.60/h. */
  public static final List<String> EXTENDED = List.of("1.32", "1.33");

  public static boolean supported(String version) {
    return STANDARD.contains(version) || EXTENDED.contains(version);
  }

  public static boolean extended(String version) {
    return EXTENDED.contains(version);
  }
}
