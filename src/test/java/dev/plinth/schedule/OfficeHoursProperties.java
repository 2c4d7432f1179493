package dev.plinth.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plinth.config.OfficeHoursSettings;
import dev.plinth.config.OfficeHoursSettings.Day;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Office hours over a simulated week, minute by minute: the hours arithmetic (which the estimate
 * prices) equals the minutes the schedules' cron expressions keep a resource running, and whatever
 * is started outside hours (by hand, or by RDS after seven days stopped) is stopped again within a
 * day.
 */
class OfficeHoursProperties {
  static final int WEEK = 7 * 24 * 60;

  @Provide
  Arbitrary<Set<Day>> days() {
    return Arbitraries.of(Day.class).set().ofMinSize(1).ofMaxSize(7);
  }

  static OfficeHoursSettings settings(Set<Day> days, int startMinute, int endMinute) {
    return new OfficeHoursSettings(
        true,
        "UTC",
        new ArrayList<>(days),
        LocalTime.ofSecondOfDay(startMinute * 60L).toString(),
        LocalTime.ofSecondOfDay(endMinute * 60L).toString());
  }

  @Property(tries = 200)
  void theHoursAWeekAreTheMinutesInsideTheWorkingDays(
      @ForAll("days") Set<Day> days,
      @ForAll @IntRange(min = 0, max = 1438) int start,
      @ForAll @IntRange(min = 1, max = 1439) int end) {
    Assume.that(start < end);
    OfficeHoursSettings s = settings(days, start, end);

    int inside = 0;
    for (int m = 0; m < WEEK; m++) {
      Day day = Day.values()[m / (24 * 60)];
      int minuteOfDay = m % (24 * 60);
      if (days.contains(day) && minuteOfDay >= start && minuteOfDay < end) {
        inside++;
      }
    }
    assertThat(s.hoursPerWeek()).isCloseTo(inside / 60.0, within(1e-9));
    assertThat(s.hoursPerMonth())
        .as("hours a month never exceed the estimate's 730")
        .isLessThanOrEqualTo(730.0 + 1e-9)
        .isCloseTo(inside / 60.0 * 730 / 168, within(1e-9));
  }

  @Property(tries = 200)
  void theSchedulesKeepAResourceRunningExactlyTheOfficeHours(
      @ForAll("days") Set<Day> days,
      @ForAll @IntRange(min = 0, max = 1438) int start,
      @ForAll @IntRange(min = 1, max = 1439) int end) {
    Assume.that(start < end);
    OfficeHoursSettings s = settings(days, start, end);
    Fires starts = Fires.of(Cron.onDays(Cron.start(s), s.days()));
    Fires stops = Fires.of(Cron.daily(Cron.end(s)));

    // Two weeks from a stopped start: the second week is the steady state.
    boolean running = false;
    int runningMinutes = 0;
    for (int m = 0; m < 2 * WEEK; m++) {
      if (stops.at(m % WEEK)) {
        running = false;
      }
      if (starts.at(m % WEEK)) {
        running = true;
      }
      if (m >= WEEK && running) {
        runningMinutes++;
      }
    }
    assertThat(runningMinutes / 60.0).isCloseTo(s.hoursPerWeek(), within(1e-9));
  }

  @Property(tries = 200)
  void whateverStartsOutsideHoursIsStoppedAgainWithinADay(
      @ForAll("days") Set<Day> days,
      @ForAll @IntRange(min = 0, max = 1438) int start,
      @ForAll @IntRange(min = 1, max = 1439) int end,
      @ForAll @IntRange(min = 0, max = WEEK - 1) int startedAt) {
    Assume.that(start < end);
    OfficeHoursSettings s = settings(days, start, end);
    Fires stops = Fires.of(Cron.daily(Cron.end(s)));

    int minutes = 1;
    while (!stops.at((startedAt + minutes) % WEEK)) {
      minutes++;
    }
    assertThat(minutes)
        .as("minutes until the next stop after a start at minute %d of the week", startedAt)
        .isLessThanOrEqualTo(24 * 60);
  }

  @Property(tries = 200)
  void noStopLastsSevenDaysSoRdsNeverRestartsTheInstanceItself(
      @ForAll("days") Set<Day> days,
      @ForAll @IntRange(min = 0, max = 1438) int start,
      @ForAll @IntRange(min = 1, max = 1439) int end) {
    Assume.that(start < end);
    OfficeHoursSettings s = settings(days, start, end);
    Fires starts = Fires.of(Cron.onDays(Cron.start(s), s.days()));
    Fires stops = Fires.of(Cron.daily(Cron.end(s)));

    // Three weeks from a running start; stretches counted once the first stop has happened.
    boolean running = true;
    boolean stoppedOnce = false;
    int stopped = 0;
    int longest = 0;
    for (int m = 0; m < 3 * WEEK; m++) {
      if (stops.at(m % WEEK)) {
        running = false;
        stoppedOnce = true;
      }
      if (starts.at(m % WEEK)) {
        running = true;
      }
      stopped = running ? 0 : stopped + 1;
      longest = stoppedOnce ? Math.max(longest, stopped) : longest;
    }
    assertThat(longest)
        .as("longest stretch stopped, in minutes (RDS starts an instance after 7 days)")
        .isLessThan(7 * 24 * 60);
  }

  /**
   * The minutes of a week (Monday 00:00 is 0) at which an EventBridge Scheduler cron expression of
   * the two forms Cron writes fires: {@code cron(M H ? * DAYS *)} and {@code cron(M H * * ? *)}.
   */
  record Fires(int minuteOfDay, Set<Day> days) {
    static Fires of(String expression) {
      assertThat(expression).startsWith("cron(").endsWith(")");
      String[] f = expression.substring(5, expression.length() - 1).split(" ");
      assertThat(f).as("fields of %s", expression).hasSize(6);
      assertThat(f[3]).as("month of %s", expression).isEqualTo("*");
      assertThat(f[5]).as("year of %s", expression).isEqualTo("*");
      int minute = Integer.parseInt(f[0]) + 60 * Integer.parseInt(f[1]);
      if (f[4].equals("?")) {
        assertThat(f[2]).as("day of month of %s", expression).isEqualTo("*");
        return new Fires(minute, EnumSet.allOf(Day.class));
      }
      assertThat(f[2]).as("day of month of %s", expression).isEqualTo("?");
      Set<Day> on = EnumSet.noneOf(Day.class);
      for (String name : f[4].split(",")) {
        on.add(Day.valueOf(name));
      }
      return new Fires(minute, on);
    }

    boolean at(int minuteOfWeek) {
      return minuteOfWeek % (24 * 60) == minuteOfDay
          && days.contains(Day.values()[minuteOfWeek / (24 * 60)]);
    }
  }
}
