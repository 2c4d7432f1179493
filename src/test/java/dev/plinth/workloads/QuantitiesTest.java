package dev.plinth.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({
    "500m, 0.5",
    "2, 2",
    "1.5, 1.5",
    "512Mi, 536870912",
    "2Gi, 2147483648",
    "1G, 1000000000",
    "128974848, 128974848",
    "100k, 100000"
  })
  void aQuantityIsItsValueInBaseUnits(String quantity, String value) {
    assertThat(Quantities.parse(quantity))
        .as("value of %s", quantity)
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two", "2 Gi", "2GB", "-1", "1e3x", "Mi"})
  void anythingElseIsNotAQuantity(String text) {
    assertThat(Quantities.parse(text)).as("parse of '%s'", text).isEmpty();
  }
}
