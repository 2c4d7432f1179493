package dev.plinth.workloads;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 2}, {@code 512Mi}, {@code 1.5G}) as exact
 * numbers, so that validation can compare a container's limits with its namespace's quota. Only the
 * suffixes the Kubernetes quantity grammar defines are accepted: the binary {@code Ki Mi Gi Ti Pi
 * Ei}, the decimal {@code n u m k M G T P E}, and none.
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?");

  private static final Map<String, BigDecimal> FACTORS =
      Map.ofEntries(
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")));

  private Quantities() {}

  /** The quantity's value in base units (cores, bytes); empty when it is not a quantity. */
  public static Optional<BigDecimal> parse(String quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    Matcher m = QUANTITY.matcher(quantity);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    return Optional.of(m.group(2) == null ? number : number.multiply(FACTORS.get(m.group(2))));
  }
}
