package dev.plinth.schedule;

import dev.plinth.config.OfficeHoursSettings;
import dev.plinth.config.OfficeHoursSettings.Day;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * EventBridge Scheduler cron expressions for office hours. The format is six fields, {@code
 * cron(minutes hours day-of-month month day-of-week year)} (botocore scheduler 2021-06-30
 * CreateScheduleInput.ScheduleExpression), evaluated in the schedule's {@code
 * ScheduleExpressionTimezone}, so daylight saving time moves with the zone; one of day-of-month and
 * day-of-week is {@code ?}.
 */
public final class Cron {
  private Cron() {}

  /** At {@code time} on each of {@code days}: the starts, on working days only. */
  public static String onDays(LocalTime time, List<Day> days) {
    String names =
        days.stream()
            .distinct()
            .sorted()
            .map(d -> d.key().toUpperCase(Locale.ROOT))
            .collect(Collectors.joining(","));
    return "cron(" + time.getMinute() + " " + time.getHour() + " ? * " + names + " *)";
  }

  /**
   * At {@code time} every day of the week: the stops. Stopping also on days that are not working
   * days puts back to sleep whatever was started by hand, and an instance that RDS started by
   * itself after seven days stopped ("If you don't manually start your DB instance after it is
   * stopped for seven consecutive days, RDS automatically starts your DB instance for you", RDS
   * User Guide, Stopping an Amazon RDS DB instance temporarily); on an already stopped instance the
   * call fails harmlessly (StopDBInstance: InvalidDBInstanceStateFault, botocore rds 2014-10-31).
   */
  public static String daily(LocalTime time) {
    return "cron(" + time.getMinute() + " " + time.getHour() + " * * ? *)";
  }

  /** The start time of valid settings. */
  static LocalTime start(OfficeHoursSettings s) {
    return OfficeHoursSettings.time(s.start()).orElseThrow();
  }

  /** The end time of valid settings. */
  static LocalTime end(OfficeHoursSettings s) {
    return OfficeHoursSettings.time(s.end()).orElseThrow();
  }
}
