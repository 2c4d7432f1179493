package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which instance types run arm64: the EC2 naming convention's {@code g} capability (Graviton), or
 * a1; GPU families (g4dn, g5) and AMD ones (g4ad, m7a) are x86_64.
 */
class GravitonTypesTest {

  @ParameterizedTest(name = "{0}: Graviton {1}")
  @CsvSource({
    "t4g.medium, true",
    "m7g.large, true",
    "r7g.large, true",
    "c6gn.xlarge, true",
    "x2gd.large, true",
    "g5g.xlarge, true",
    "a1.large, true",
    "t3.medium, false",
    "m6i.large, false",
    "m7i-flex.large, false",
    "g4dn.xlarge, false",
    "g4ad.xlarge, false",
    "g5.xlarge, false",
    "m7a.large, false"
  })
  void anInstanceTypeIsGravitonByItsFamilysCapabilities(String type, boolean graviton) {
    assertThat(ClusterValidation.isGraviton(type)).as("arm64 of %s", type).isEqualTo(graviton);
  }
}
