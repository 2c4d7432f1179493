package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A primary's outputs reach its standby's StackReference in the types the SDK's serializer takes:
 * it refuses a {@code Long} (pulumi-java 1.36.1), which Jackson gives for integers by default here.
 * prod's {@code operatorTargets} carries ports, so a Long there failed prod-dr's plan.
 */
class MockCloudPlainTest {

  @Test
  void numbersBecomeIntegersOrDoublesNeverLongs() throws Exception {
    var node =
        new ObjectMapper()
            .readTree(
                "{\"postgres\": {\"port\": 5432, \"host\": \"h\", \"ratio\": 0.5,"
                    + " \"big\": 9999999999, \"on\": true, \"list\": [1, \"a\"]}}");

    Object plain = MockCloud.plain(node);

    assertThat(plain)
        .isEqualTo(
            Map.of(
                "postgres",
                Map.of(
                    "port",
                    5432,
                    "host",
                    "h",
                    "ratio",
                    0.5,
                    "big",
                    9999999999.0,
                    "on",
                    true,
                    "list",
                    List.of(1, "a"))));
  }
}
