package dev.plinth.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Amazon EKS Kubernetes release calendar: per minor version, the day EKS released it, the day
 * its standard support ends (14 months later) and the day its extended support ends (12 more
 * months, at $0.60 per cluster-hour instead of $0.10).
 *
 * <p>Source: AWS, "Understand the Kubernetes version lifecycle on EKS", section "Amazon EKS
 * Kubernetes release calendar" (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html),
 * read 2026-12-02 through the stored copies the search tool holds: awsdocs/amazon-eks-user-guide
 * latest/ug/versioning/kubernetes-versions.adoc at commit 8596db85 (rows 1.27 to 1.33) and a
 * verbatim quotation of the page's table with rows 1.30 to 1.36 in a public repository; the
 * standard and extended end dates of 1.32 to 1.35 agree with endoflife.date/amazon-eks. The page
 * says the dates are UTC and that extended-support billing starts at the beginning of the day a
 * version reaches its end of standard support: on that day the version is no longer in standard
 * support.
 *
 * <p>{@code EksVersionsTest} checks the stacks' version against today's date (the real clock), so
 * this table cannot go stale silently: when a version leaves standard support the build fails until
 * the stacks move and the table gains the new release.
 */
public final class EksVersions {
  private EksVersions() {}

  /** One row of the calendar. */
  public record Release(
      String version, LocalDate released, LocalDate endOfStandard, LocalDate endOfExtended) {

    /** In standard support on {@code day}: released, and before the end-of-standard day. */
    public boolean standardOn(LocalDate day) {
      return !day.isBefore(released) && day.isBefore(endOfStandard);
    }

    /** Creatable on {@code day} (standard or extended support). */
    public boolean supportedOn(LocalDate day) {
      return !day.isBefore(released) && day.isBefore(endOfExtended);
    }
  }

  /** Where the dates come from, for messages. */
  public static final String SOURCE =
      "Amazon EKS Kubernetes release calendar (docs.aws.amazon.com/eks/latest/userguide/"
          + "kubernetes-versions.html, read 2026-12-02)";

  public static final List<Release> CALENDAR =
      List.of(
          release("1.36", "2026-06-02", "2027-08-02", "2028-08-02"),
          release("1.35", "2026-01-27", "2027-03-27", "2028-03-27"),
          release("1.34", "2025-10-02", "2026-12-02", "2027-12-02"),
          release("1.33", "2025-05-29", "2026-07-29", "2027-07-29"),
          release("1.32", "2025-01-23", "2026-03-23", "2027-03-23"),
          release("1.31", "2024-09-26", "2025-11-26", "2026-11-26"),
          release("1.30", "2024-05-23", "2025-07-23", "2026-07-23"));

  private static Release release(
      String version, String released, String endOfStandard, String endOfExtended) {
    return new Release(
        version,
        LocalDate.parse(released),
        LocalDate.parse(endOfStandard),
        LocalDate.parse(endOfExtended));
  }

  public static Optional<Release> of(String version) {
    return CALENDAR.stream().filter(r -> r.version().equals(version)).findFirst();
  }

  /** The versions in standard support on {@code day}, newest first. */
  public static List<String> standardOn(LocalDate day) {
    return CALENDAR.stream().filter(r -> r.standardOn(day)).map(Release::version).toList();
  }

  public static boolean standard(String version, LocalDate day) {
    return of(version).map(r -> r.standardOn(day)).orElse(false);
  }

  public static boolean supported(String version, LocalDate day) {
    return of(version).map(r -> r.supportedOn(day)).orElse(false);
  }

  /** In extended support only on {@code day}: supported, but the control plane costs $0.60/h. */
  public static boolean extended(String version, LocalDate day) {
    return supported(version, day) && !standard(version, day);
  }

  /**
   * Past its end of standard support on {@code day} (the cost estimate prices such a control plane
   * at the extended rate; past the end of extended support EKS upgrades it).
   */
  public static boolean pastStandard(String version, LocalDate day) {
    return of(version).map(r -> !day.isBefore(r.endOfStandard())).orElse(false);
  }

  /** Today in UTC, the calendar's time zone. */
  public static LocalDate today() {
    return LocalDate.now(java.time.ZoneOffset.UTC);
  }
}
