package dev.plinth.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.OfficeHoursSettings;
import dev.plinth.testing.Plans;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad office hours are refused before anything is planned, each naming key, value and rule. */
class OfficeHoursValidationTest {

  static Map<String, Object> hours(Object... keysAndValues) {
    return Map.of("plinth:officeHours", dev.plinth.Json.obj(keysAndValues));
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(
            "dev",
            hours("timeZone", "Europe/Atlantis"),
            "plinth:officeHours.timeZone must be an IANA time zone such as Europe/Berlin or UTC"
                + " (java.time.ZoneId; the zone EventBridge Scheduler evaluates the schedules in)"
                + " (got Europe/Atlantis)"),
        Arguments.of(
            "dev",
            hours("timeZone", "+02:00"),
            "plinth:officeHours.timeZone must be an IANA time zone such as Europe/Berlin or UTC"
                + " (java.time.ZoneId; the zone EventBridge Scheduler evaluates the schedules in)"
                + " (got +02:00)"),
        Arguments.of(
            "staging",
            hours("start", "20:00", "end", "08:00"),
            "plinth:officeHours.end must be after plinth:officeHours.start (20:00): office hours"
                + " are within one day, start before end (got 08:00)"),
        Arguments.of(
            "dev",
            hours("start", "09:00", "end", "09:00"),
            "plinth:officeHours.end must be after plinth:officeHours.start (09:00): office hours"
                + " are within one day, start before end (got 09:00)"),
        Arguments.of(
            "dev",
            hours("start", "8am"),
            "plinth:officeHours.start must be a time of day as HH:MM, 00:00 to 23:59 (got 8am)"),
        Arguments.of(
            "dev",
            hours("end", "24:00"),
            "plinth:officeHours.end must be a time of day as HH:MM, 00:00 to 23:59 (got 24:00)"),
        Arguments.of(
            "dev",
            hours("days", List.of("mon", "funday")),
            "plinth:officeHours.days[1] must be one of mon, tue, wed, thu, fri, sat, sun (got"
                + " funday)"),
        Arguments.of(
            "dev",
            hours("days", List.of("mon", "mon")),
            "plinth:officeHours.days must name each day once (got mon)"),
        Arguments.of(
            "dev",
            hours("days", List.of()),
            "plinth:officeHours.days must name at least one working day (mon, tue, wed, thu, fri,"
                + " sat, sun) (got [])"),
        Arguments.of(
            "staging",
            Map.of("plinth:database", Map.of("readReplicas", 1)),
            "plinth:officeHours.enabled cannot be true while plinth:database.readReplicas is 1:"
                + " RDS cannot stop an instance that has read replicas, or a read replica (RDS User"
                + " Guide, Stopping an Amazon RDS DB instance temporarily, Limitations); set"
                + " plinth:database.readReplicas to 0 or plinth:officeHours.enabled to false (got"
                + " true)"),
        Arguments.of(
            "prod",
            hours("enabled", true),
            "plinth:officeHours.enabled cannot be true while plinth:database.readReplicas is 1:"
                + " RDS cannot stop an instance that has read replicas, or a read replica (RDS User"
                + " Guide, Stopping an Amazon RDS DB instance temporarily, Limitations); set"
                + " plinth:database.readReplicas to 0 or plinth:officeHours.enabled to false (got"
                + " true)"));
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void aBadOfficeHoursSettingIsRejectedNamingKeyValueAndWhatIsAllowed(
      String env, Map<String, ?> values, String message) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Plans.config(env, values));

    assertThat(e).as("loading %s with %s", env, values).isNotNull();
    assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(message);
  }

  @Test
  void officeHoursAreOnInDevAndStagingAndOffInProdByDefault() {
    assertThat(Plans.config("dev").officeHours().enabled()).as("dev").isTrue();
    assertThat(Plans.config("staging").officeHours().enabled()).as("staging").isTrue();
    assertThat(Plans.config("prod").officeHours().enabled()).as("prod").isFalse();
  }

  @Test
  void readReplicasAreFineWhileOfficeHoursAreOff() {
    var config =
        Plans.config(
            "staging",
            Map.of(
                "plinth:database",
                Map.of("readReplicas", 1),
                "plinth:officeHours",
                Map.of("enabled", false)));

    assertThat(config.database().readReplicas()).isEqualTo(1);
  }

  @Test
  void aZoneWithDaylightSavingAndWeekendWorkAreAccepted() {
    OfficeHoursSettings s =
        Plans.config(
                "dev",
                hours(
                    "timeZone",
                    "America/New_York",
                    "days",
                    List.of("sat", "sun"),
                    "start",
                    "10:30",
                    "end",
                    "14:00"))
            .officeHours();

    assertThat(s.hoursPerWeek()).isEqualTo(7.0);
  }
}
