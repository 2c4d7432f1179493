package dev.plinth.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dated price table ({@code prices-us-east-1.csv} in resources): us-east-1, on-demand, USD, one
 * source per price. Lines are {@code key,usd,unit,source}; {@code #} starts a comment.
 */
public record PriceTable(String date, Map<String, Price> prices) {
  public static final String REGION = "us-east-1";
  public static final double HOURS_PER_MONTH = 730;

  /** One price and where it comes from. */
  public record Price(String key, double usd, String unit, String source) {}

  private static PriceTable standard;

  /**
   * The table shipped in resources, read once; read anew on each call when the system property
   * {@code plinth.noCaches} is true (set by the build's {@code mutation} profile only: PIT runs
   * many mutants of this class in one JVM, and a table parsed by an earlier mutant would hide the
   * current one).
   */
  public static synchronized PriceTable standard() {
    if (standard == null || Boolean.getBoolean("plinth.noCaches")) {
      try (InputStream in = PriceTable.class.getResourceAsStream("prices-us-east-1.csv")) {
        standard = parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return standard;
  }

  static PriceTable parse(InputStream in) throws IOException {
    Map<String, Price> prices = new LinkedHashMap<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", 4);
        prices.put(f[0], new Price(f[0], Double.parseDouble(f[1]), f[2], f[3]));
      }
    }
    Price date = prices.remove("date");
    String d = String.valueOf((long) date.usd());
    return new PriceTable(
        d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6), prices);
  }

  public Optional<Price> find(String key) {
    return Optional.ofNullable(prices.get(key));
  }

  /** A price that must be in the table. */
  public double usd(String key) {
    return find(key)
        .map(Price::usd)
        .orElseThrow(() -> new IllegalStateException("no price " + key + " in the price table"));
  }
}
