package dev.plinth.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The connections alarm fires at 80% of the class's limit, counted in whole connections. */
class ConnectionsThresholdTest {

  @Test
  void theThresholdIsEightyPercentOfTheLimitRoundedDownToAWholeConnection() {
    // db.r6g.xlarge: max_connections 3,604 (prod); db.m6g.large: 901 (staging).
    assertThat(Alarms.connectionsThreshold(3604)).isEqualTo(2883.0);
    assertThat(Alarms.connectionsThreshold(901)).isEqualTo(720.0);
    assertThat(Alarms.connectionsThreshold(100)).isEqualTo(80.0);
  }
}
