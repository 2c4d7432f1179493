package dev.plinth.schedule;

import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.DatabaseSettings;
import dev.plinth.config.OfficeHoursSettings;
import dev.plinth.config.OfficeHoursSettings.Day;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pure checks of {@code plinth:officeHours}, and of what office hours need from {@code
 * plinth:database}. An unknown day is refused while binding ({@code must be one of mon, ...}).
 */
public final class OfficeHoursValidation {
  static final String KEY = "plinth:officeHours";

  /** The office-hours rules as one check of the loader; dev.plinth.Checks lists it. */
  public static final ConfigCheck CHECK =
      config -> validate(config.officeHours(), config.database());

  private OfficeHoursValidation() {}

  public static List<ConfigProblem> validate(OfficeHoursSettings s, DatabaseSettings database) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!zone(s.timeZone())) {
      problems.add(
          ConfigProblem.of(
              KEY + ".timeZone",
              "must be an IANA time zone such as Europe/Berlin or UTC (java.time.ZoneId; the zone"
                  + " EventBridge Scheduler evaluates the schedules in)",
              s.timeZone()));
    }
    Optional<LocalTime> start = time(problems, "start", s.start());
    Optional<LocalTime> end = time(problems, "end", s.end());
    if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
      problems.add(
          ConfigProblem.of(
              KEY + ".end",
              "must be after "
                  + KEY
                  + ".start ("
                  + s.start()
                  + "): office hours are within one day, start before end",
              s.end()));
    }
    days(problems, s.days());
    if (s.enabled() && database.readReplicas() > 0) {
      // RDS User Guide, "Stopping an Amazon RDS DB instance temporarily", Limitations: "You can't
      // stop a DB instance that has a read replica, or that is a read replica."
      problems.add(
          ConfigProblem.of(
              KEY + ".enabled",
              "cannot be true while plinth:database.readReplicas is "
                  + database.readReplicas()
                  + ": RDS cannot stop an instance that has read replicas, or a read replica (RDS"
                  + " User Guide, Stopping an Amazon RDS DB instance temporarily, Limitations); set"
                  + " plinth:database.readReplicas to 0 or "
                  + KEY
                  + ".enabled to false",
              true));
    }
    return problems;
  }

  /**
   * A region-based IANA zone that java.time knows ({@code Europe/Berlin}, {@code UTC}); offsets
   * such as {@code +02:00} are not IANA names and are refused.
   */
  static boolean zone(String id) {
    if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
      return false;
    }
    try {
      ZoneId.of(id);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private static Optional<LocalTime> time(List<ConfigProblem> problems, String key, String text) {
    Optional<LocalTime> time = OfficeHoursSettings.time(text);
    if (time.isEmpty()) {
      problems.add(
          ConfigProblem.of(
              KEY + "." + key, "must be a time of day as HH:MM, 00:00 to 23:59", text));
    }
    return time;
  }

  private static void days(List<ConfigProblem> problems, List<Day> days) {
    if (days.isEmpty()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".days",
              "must name at least one working day (mon, tue, wed, thu, fri, sat, sun)",
              "[]"));
      return;
    }
    Set<Day> seen = new HashSet<>();
    for (Day day : days) {
      if (!seen.add(day)) {
        problems.add(ConfigProblem.of(KEY + ".days", "must name each day once", day.key()));
      }
    }
  }
}
