package dev.plinth.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Office hours ({@code plinth:officeHours}): outside them the environment's EKS node group is
 * scaled to zero and its PostgreSQL instance stopped, and both come back at the start of the next
 * working day (seed 001, cost optimisation: "Auto-shutdown: Stop dev/staging environments outside
 * hours"). What cannot stop (the EKS control plane, NAT gateways, the load balancer, Redis, the
 * WAF, KMS keys, the database's storage) keeps running and is priced for the whole month.
 *
 * @param enabled on in dev and staging (seed 001: stop dev/staging outside hours), off in prod (the
 *     policy rule SCHED-01 refuses office hours in prod; seed 001's production tiers run around the
 *     clock)
 * @param timeZone the IANA time zone the hours are in (java.time.ZoneId, EventBridge Scheduler's
 *     ScheduleExpressionTimezone): UTC everywhere (no seed names the team's zone; set yours)
 * @param days the working days, when the environment starts at {@code start}: mon to fri everywhere
 *     (no seed gives them; a working week)
 * @param start when the environment starts on a working day, HH:MM: 08:00 everywhere (assumption:
 *     no seed gives hours)
 * @param end when the environment stops, HH:MM, after {@code start}: 20:00 everywhere (assumption;
 *     12 hours covers a working day in most of one continent's zones). The stop runs on every day
 *     of the week, not only working days, so that anything started by hand or by RDS itself (RDS
 *     starts an instance stopped for seven days) is stopped again that evening
 */
public record OfficeHoursSettings(
    boolean enabled, String timeZone, List<Day> days, String start, String end) {

  /** Days of the week as a stack file spells them. */
  public enum Day implements Keyed {
    MON,
    TUE,
    WED,
    THU,
    FRI,
    SAT,
    SUN;

    @Override
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The day as java.time names it. */
    public java.time.DayOfWeek dayOfWeek() {
      return java.time.DayOfWeek.values()[ordinal()];
    }
  }

  /** Weeks in an average month: 730 hours (the estimate's month) divided by 168. */
  public static final double WEEKS_PER_MONTH = 730.0 / (7 * 24);

  public static OfficeHoursSettings preset(Environment env) {
    List<Day> weekdays = List.of(Day.MON, Day.TUE, Day.WED, Day.THU, Day.FRI);
    return new OfficeHoursSettings(env != Environment.PROD, "UTC", weekdays, "08:00", "20:00");
  }

  /** A time of day as the settings write it ({@code 08:00}); empty when it is not one. */
  public static Optional<LocalTime> time(String text) {
    if (text == null || !text.matches("\\d{2}:\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Hours a week the scheduled resources run: working days (each counted once) times the length of
   * the working day. Only for valid settings (start before end).
   */
  public double hoursPerWeek() {
    LocalTime from = time(start).orElseThrow();
    LocalTime to = time(end).orElseThrow();
    long minutes = Duration.between(from, to).toMinutes();
    return days.stream().distinct().count() * minutes / 60.0;
  }

  /** Hours in the estimate's month (730 h) the scheduled resources run. */
  public double hoursPerMonth() {
    return hoursPerWeek() * WEEKS_PER_MONTH;
  }
}
