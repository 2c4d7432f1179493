package dev.plinth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testing.Plans;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EKS release calendar, checked against the real clock so that it cannot go stale silently. */
class EksVersionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyStackRunsAVersionInStandardSupportToday(String stack) {
    String version = Plans.stackFile(stack).cluster().version();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    assertThat(EksVersions.of(version))
        .as("Kubernetes %s of stack %s in the calendar", version, stack)
        .isPresent();
    assertThat(EksVersions.standard(version, today))
        .as(
            "Kubernetes %s of stack %s is in EKS standard support on %s (it ends %s; update the"
                + " calendar from its source and move the stacks to one of %s)",
            version,
            stack,
            today,
            EksVersions.of(version).map(EksVersions.Release::endOfStandard).orElse(null),
            EksVersions.standardOn(today))
        .isTrue();
  }

  @Test
  void theCalendarStillCoversTodayWithAtLeastTwoStandardVersions() {
    // EKS keeps three or more versions in standard support; fewer than two in the table today
    // means a release is missing from it.
    assertThat(EksVersions.standardOn(LocalDate.now(ZoneOffset.UTC)))
        .as("versions of the calendar in standard support today")
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void standardSupportIsFourteenMonthsAndExtendedTwelveMore() {
    assertThat(EksVersions.CALENDAR)
        .allSatisfy(
            r -> {
              assertThat(ChronoUnit.MONTHS.between(r.released(), r.endOfStandard()))
                  .as("standard support of %s", r.version())
                  .isEqualTo(14);
              assertThat(ChronoUnit.MONTHS.between(r.endOfStandard(), r.endOfExtended()))
                  .as("extended support of %s", r.version())
                  .isEqualTo(12);
            });
  }

  @Test
  void aVersionLeavesStandardSupportAtTheStartOfItsEndDay() {
    LocalDate end = LocalDate.of(2026, 12, 2);

    assertThat(EksVersions.standard("1.34", end.minusDays(1))).isTrue();
    assertThat(EksVersions.standard("1.34", end)).isFalse();
    assertThat(EksVersions.extended("1.34", end)).isTrue();
    assertThat(EksVersions.supported("1.34", LocalDate.of(2027, 12, 2))).isFalse();
    assertThat(EksVersions.standard("1.36", LocalDate.of(2026, 6, 1))).isFalse();
  }
}
