package dev.plinth.recovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The durations the recovery model adds up ({@code recovery-figures.csv}: {@code
 * figure,minutes,kind,read,source}), each with where it comes from: {@code documented} (AWS states
 * the figure), {@code assumed} (AWS states none, or only "several minutes": the figure is ours, to
 * be replaced by what a drill measures), or {@code undocumented} (no figure at all: the report says
 * so instead of guessing). {@code read} is the day the source was read; a test keeps it recent.
 */
public final class RecoveryFigures {
  private static final String RESOURCE = "recovery-figures.csv";
  private static final String HEADER = "figure,minutes,kind,read,source";

  /** One figure. */
  public record Figure(
      String name, OptionalDouble minutes, Kind kind, LocalDate read, String source) {}

  /** How far a figure can be trusted. */
  public enum Kind {
    DOCUMENTED,
    ASSUMED,
    UNDOCUMENTED
  }

  private final Map<String, Figure> byName;

  private RecoveryFigures(Map<String, Figure> byName) {
    this.byName = byName;
  }

  /** The table shipped with Plinth. */
  public static RecoveryFigures load() {
    try (InputStream in = RecoveryFigures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RecoveryFigures parse(BufferedReader reader) throws IOException {
    String header = reader.readLine();
    if (!HEADER.equals(header)) {
      throw new IllegalStateException(RESOURCE + ": the header must be " + HEADER);
    }
    Map<String, Figure> byName = new LinkedHashMap<>();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = fields(line);
      if (f.size() != 5 || f.get(4).isBlank()) {
        throw new IllegalStateException(RESOURCE + ": five fields and a source on: " + line);
      }
      Kind kind = Kind.valueOf(f.get(2).toUpperCase(java.util.Locale.ROOT));
      OptionalDouble minutes =
          f.get(1).isBlank()
              ? OptionalDouble.empty()
              : OptionalDouble.of(Double.parseDouble(f.get(1)));
      if (minutes.isEmpty() != (kind == Kind.UNDOCUMENTED)) {
        throw new IllegalStateException(
            RESOURCE + ": exactly the undocumented figures have no minutes: " + line);
      }
      byName.put(
          f.get(0), new Figure(f.get(0), minutes, kind, LocalDate.parse(f.get(3)), f.get(4)));
    }
    return new RecoveryFigures(byName);
  }

  /** A CSV line's fields: commas separate, double quotes enclose, two double quotes are one. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  /** The figure of that name; an unknown name is a programming error. */
  public Figure figure(String name) {
    Figure f = byName.get(name);
    if (f == null) {
      throw new IllegalArgumentException(RESOURCE + " has no figure " + name);
    }
    return f;
  }

  /** The figure's minutes; only for a figure that has them. */
  public double minutes(String name) {
    return figure(name)
        .minutes()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no documented minutes"));
  }

  public Collection<Figure> all() {
    return byName.values();
  }
}
