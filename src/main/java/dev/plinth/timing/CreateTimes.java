package dev.plinth.timing;

import dev.plinth.plan.RecordedResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dated create-time table ({@code create-times.csv} in resources): how many minutes, low and
 * high, AWS or Kubernetes takes to create one resource of a type, each row with the day its source
 * was read and the source. Lines are {@code type,variant,low,high,date,source}; {@code #} starts a
 * comment. A source starting {@code default:} is a stated assumption, not a figure found anywhere.
 */
public record CreateTimes(Map<String, Row> rows) {
  /** The row that times a type the table does not list. */
  public static final String ANY = "*";

  /** What a {@code source} starts with when no source was found and the figure is assumed. */
  public static final String DEFAULT = "default:";

  /** One row: a type (and variant), its minutes from low to high, when and where they come from. */
  public record Row(
      String type, String variant, double low, double high, LocalDate date, String source) {
    public Row {
      if (low < 0 || high < low) {
        throw new IllegalArgumentException(
            "create-times.csv " + type + " " + variant + ": need 0 <= low <= high");
      }
    }

    /** True when no source gives the figure: a stated default. */
    public boolean isDefault() {
      return source.startsWith(DEFAULT);
    }

    /** Low and high halfway: the figure the estimate uses. */
    public double typical() {
      return (low + high) / 2;
    }

    String key() {
      return variant.isEmpty() ? type : type + "[" + variant + "]";
    }
  }

  private static CreateTimes standard;

  /** The table shipped in resources, read once (read anew under {@code plinth.noCaches}). */
  public static synchronized CreateTimes standard() {
    if (standard == null || Boolean.getBoolean("plinth.noCaches")) {
      try (InputStream in = CreateTimes.class.getResourceAsStream("create-times.csv")) {
        standard = parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return standard;
  }

  static CreateTimes parse(InputStream in) throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", 6);
        if (f.length != 6 || f[5].isBlank()) {
          throw new IllegalArgumentException("create-times.csv: a row needs 6 fields: " + line);
        }
        Row row =
            new Row(
                f[0],
                f[1],
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                LocalDate.parse(f[4]),
                f[5]);
        if (rows.put(row.key(), row) != null) {
          throw new IllegalArgumentException("create-times.csv: " + row.key() + " twice");
        }
      }
    }
    if (!rows.containsKey(ANY)) {
      throw new IllegalArgumentException("create-times.csv: no row for * (any other type)");
    }
    return new CreateTimes(Map.copyOf(rows));
  }

  /** Every row, sorted by type then variant. */
  public List<Row> all() {
    List<Row> out = new ArrayList<>(rows.values());
    out.sort(java.util.Comparator.comparing(Row::type).thenComparing(Row::variant));
    return out;
  }

  /** The oldest date a row was read on: the table's date. */
  public LocalDate oldest() {
    return rows.values().stream().map(Row::date).min(LocalDate::compareTo).orElseThrow();
  }

  /**
   * The row that times a resource: its type and variant's, else its type's, else the {@code *} row;
   * empty for what creates nothing in the cloud (the stack and component resources).
   */
  public Optional<Row> of(RecordedResource r) {
    if (!r.custom() && !r.type().startsWith("pulumi:providers:")) {
      return Optional.empty();
    }
    String variant = variant(r);
    Row row = variant.isEmpty() ? null : rows.get(r.type() + "[" + variant + "]");
    if (row == null) {
      row = rows.get(r.type());
    }
    return Optional.of(row != null ? row : rows.get(ANY));
  }

  /** Whether the table lists the type itself (not only through the {@code *} row). */
  public boolean lists(String type) {
    return rows.values().stream().anyMatch(row -> row.type().equals(type));
  }

  /**
   * The kind of resource the table tells apart within a type: an RDS instance that is a read
   * replica ({@code replicateSourceDb} set) or Multi-AZ ({@code multiAz} true), an EKS add-on by
   * its name; "" otherwise.
   */
  static String variant(RecordedResource r) {
    return switch (r.type()) {
      case "aws:rds/instance:Instance" ->
          r.input("replicateSourceDb").isPresent()
              ? "replica"
              : r.input("multiAz").map(v -> v.asBoolean()).orElse(false) ? "multiAz" : "";
      case "aws:eks/addon:Addon" -> r.input("addonName").map(v -> v.asText()).orElse("");
      default -> "";
    };
  }
}
