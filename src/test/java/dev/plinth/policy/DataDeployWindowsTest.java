package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DEP-12's window arithmetic: a daily backup window against a weekly maintenance window. */
class DataDeployWindowsTest {

  @ParameterizedTest(name = "{0} against {1}: overlap {2}")
  @CsvSource({
    "03:00-04:00, sun:04:00-sun:05:00, false",
    "04:30-05:30, sun:04:00-sun:05:00, true",
    "23:30-00:30, mon:00:00-mon:00:30, true",
    "23:00-23:30, sun:23:45-mon:00:30, false",
    "00:00-00:40, sun:23:45-mon:00:30, true",
    "12:00-13:00, wed:13:00-wed:14:00, false"
  })
  void aDailyWindowOverlapsAWeeklyOneOnAnyDay(String daily, String weekly, boolean overlap) {
    assertThat(
            DataDeployRules.overlaps(
                DataDeployRules.window(daily).orElseThrow(),
                DataDeployRules.window(weekly).orElseThrow()))
        .as("%s against %s", daily, weekly)
        .isEqualTo(overlap);
  }
}
