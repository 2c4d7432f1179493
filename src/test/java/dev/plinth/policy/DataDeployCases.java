package dev.plinth.policy;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Failing cases of the deployability rules in this area, in the form of {@link PolicyRulesTest#c}.
 */
final class DataDeployCases {
  private DataDeployCases() {}

  static Stream<Arguments> cases() {
    return Stream.of();
  }
}
