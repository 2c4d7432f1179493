package dev.plinth.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of a stack file with its type and its default per environment, read from the
 * loader's own model: the settings records ({@link PlatformConfig} and its sections), their presets
 * ({@link PlatformConfig#preset}) and the flat keys of {@link ConfigView}. {@code plinth settings
 * [STACK]} prints it; docs/settings.md holds it as Markdown (DocsTest keeps it in step). What each
 * setting means and where its default comes from is in docs/settings.md.
 */
public final class SettingsTable {
  /** The region the presets are read in; no preset depends on it but the DR region's default. */
  static final String PRESET_REGION = "us-east-1";

  /** One setting: its flat key, its type and its value per environment (JSON, compact). */
  public record Row(String key, String type, Map<Environment, String> defaults) {}

  /**
   * The widest value the text shows; longer ones end in "..." (docs/settings.md has them whole).
   */
  static final int VALUE_WIDTH = 30;

  private SettingsTable() {}

  /** The rows, in the order of the records; a map's entries are rows of their own. */
  public static List<Row> rows() {
    Map<Environment, ObjectNode> presets = new EnumMap<>(Environment.class);
    Set<String> keys = new LinkedHashSet<>();
    for (Environment env : Environment.values()) {
      ObjectNode view = ConfigView.of(PlatformConfig.preset("settings", env, PRESET_REGION));
      view.remove("aws:region");
      view.remove(ConfigLoader.PREFIX + ConfigLoader.ENVIRONMENT);
      presets.put(env, view);
      view.fieldNames().forEachRemaining(keys::add);
    }
    // A map's entries by name: the presets' maps (Map.of) iterate in an order that changes from
    // one JVM to the next. Each map keeps the place of its first entry.
    Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      String group = mapEntry(key) ? key.substring(0, key.lastIndexOf('.')) + ".*" : key;
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(key);
    }
    keys = new LinkedHashSet<>();
    for (List<String> group : groups.values()) {
      group.stream().sorted().forEach(keys::add);
    }
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("aws:region", "String", required()));
    rows.add(
        new Row(ConfigLoader.PREFIX + ConfigLoader.ENVIRONMENT, "dev|staging|prod", required()));
    for (String key : keys) {
      Map<Environment, String> defaults = new EnumMap<>(Environment.class);
      presets.forEach((env, view) -> defaults.put(env, text(view.get(key))));
      rows.add(new Row(key, typeOf(key), defaults));
    }
    return rows;
  }

  private static Map<Environment, String> required() {
    Map<Environment, String> m = new EnumMap<>(Environment.class);
    for (Environment env : Environment.values()) {
      m.put(env, "(required)");
    }
    return m;
  }

  /** A value as the stack file would write it; {@code -} where the environment has no such key. */
  static String text(JsonNode value) {
    if (value == null) {
      return "-";
    }
    if (value.isNull()) {
      return "(unset)";
    }
    if (value.isTextual()) {
      return value.asText().isEmpty() ? "\"\"" : value.asText();
    }
    return value.toString();
  }

  /** The declared type of a flat key, walked down the settings records. */
  static String typeOf(String key) {
    return name(type(key));
  }

  /** Whether a flat key is an entry of a map ({@code plinth:cluster.chartVersions.NAME}). */
  static boolean mapEntry(String key) {
    int dot = key.lastIndexOf('.');
    return dot > 0 && Map.class.isAssignableFrom(raw(type(key.substring(0, dot))));
  }

  private static Type type(String key) {
    String[] path = key.substring(ConfigLoader.PREFIX.length()).split("\\.");
    Type type = component(PlatformConfig.class, path[0]);
    for (String segment : Arrays.asList(path).subList(1, path.length)) {
      Class<?> raw = raw(type);
      if (raw.isRecord()) {
        type = component(raw, segment);
      } else if (Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
        type = p.getActualTypeArguments()[1];
      } else {
        throw new IllegalStateException(key + ": no setting " + segment + " in " + type);
      }
    }
    return type;
  }

  private static Type component(Class<?> record, String name) {
    for (RecordComponent c : record.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c.getGenericType();
      }
    }
    throw new IllegalStateException(record.getSimpleName() + " has no setting " + name);
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  /** {@code int}, {@code List<String>}, {@code Map<String, Integer>}; an enum as its keys. */
  private static String name(Type type) {
    if (type instanceof ParameterizedType p) {
      List<String> args = new ArrayList<>();
      for (Type a : p.getActualTypeArguments()) {
        args.add(name(a));
      }
      return raw(p).getSimpleName() + "<" + String.join(", ", args) + ">";
    }
    Class<?> c = (Class<?>) type;
    if (c.isEnum() && Keyed.class.isAssignableFrom(c)) {
      List<String> keys = new ArrayList<>();
      for (Object constant : c.getEnumConstants()) {
        keys.add(((Keyed) constant).key());
      }
      return String.join("|", keys);
    }
    return c.getSimpleName();
  }

  /** A stack's value with the mark of a change, cut first so that the mark is never cut off. */
  private static String marked(String value, boolean changed) {
    if (!changed) {
      return value;
    }
    String fitted =
        value.length() > VALUE_WIDTH - 2 ? value.substring(0, VALUE_WIDTH - 5) + "..." : value;
    return fitted + " *";
  }

  private static boolean hasKeyUnder(ObjectNode view, String prefix) {
    for (Iterator<String> it = view.fieldNames(); it.hasNext(); ) {
      if (it.next().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The table as Markdown, for docs/settings.md. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| key | type | dev | staging | prod |\n|---|---|---|---|---|\n");
    for (Row r : rows()) {
      out.append("| `").append(r.key()).append("` | ").append(cell(r.type())).append(" | ");
      for (Environment env : Environment.values()) {
        out.append(cell(r.defaults().get(env))).append(" | ");
      }
      out.setLength(out.length() - 1);
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /**
   * The table as text: key, type, the default per environment; with a stack's effective settings, a
   * last column of its values, {@code *} marking those its stack file changes from its preset.
   */
  public static List<String> text(PlatformConfig stack) {
    return text(stack, Integer.MAX_VALUE);
  }

  /**
   * The table as text within {@code width} columns: as a table when it fits, else one block per
   * setting (the key and its type, then the defaults per environment and the stack's value,
   * wrapped), which keeps every value.
   */
  public static List<String> text(PlatformConfig stack, int width) {
    List<String[]> cells = cells(stack);
    List<String> table = table(cells);
    if (table.stream().allMatch(line -> line.length() <= width)) {
      return table;
    }
    String[] header = cells.get(0);
    List<String> lines = new ArrayList<>();
    if (stack != null) {
      lines.add("(* marks a value Pulumi." + stack.stack() + ".yaml sets)");
    }
    for (String[] row : cells.subList(1, cells.size())) {
      lines.add(row[0] + "  (" + row[1] + ")");
      StringBuilder values = new StringBuilder("   ");
      for (int i = 2; i < row.length; i++) {
        String label = i == 5 ? "Pulumi." + stack.stack() + ".yaml" : header[i];
        values
            .append(' ')
            .append(label)
            .append(": ")
            .append(row[i])
            .append(i < row.length - 1 ? ";" : "");
      }
      lines.addAll(dev.plinth.Fit.wrap(values.toString(), width));
    }
    return lines;
  }

  /** The header row, then a row per setting (and per map entry only the stack file has). */
  private static List<String[]> cells(PlatformConfig stack) {
    List<String[]> cells = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("key", "type", "dev", "staging", "prod"));
    ObjectNode effective = null;
    if (stack != null) {
      header.add(stack.stack() + " (* set by its stack file)");
      effective = ConfigView.of(stack);
    }
    cells.add(header.toArray(String[]::new));
    Set<String> seen = new LinkedHashSet<>();
    for (Row r : rows()) {
      seen.add(r.key());
      List<String> row = new ArrayList<>(List.of(r.key(), r.type()));
      for (Environment env : Environment.values()) {
        row.add(r.defaults().get(env));
      }
      if (effective != null) {
        String value = text(effective.get(r.key()));
        String preset = r.defaults().get(stack.environment());
        String prefix = r.key() + ".";
        boolean entries = value.equals("-") && hasKeyUnder(effective, prefix);
        boolean changed = !entries && !value.equals(preset) && !preset.equals("(required)");
        row.add(entries ? "(its entries below)" : marked(value, changed));
      }
      cells.add(row.toArray(String[]::new));
    }
    if (effective != null) {
      // Entries of a map that only the stack file has (an application secret, a chart version).
      Set<String> extra = new java.util.TreeSet<>();
      effective.fieldNames().forEachRemaining(extra::add);
      for (String key : extra) {
        if (!seen.contains(key)) {
          cells.add(
              new String[] {
                key, typeOf(key), "-", "-", "-", marked(text(effective.get(key)), true)
              });
        }
      }
    }
    return cells;
  }

  private static List<String> table(List<String[]> cells) {
    int[] widths = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 2; i < row.length; i++) {
        if (row[i].length() > VALUE_WIDTH && row != cells.get(0)) {
          row[i] = row[i].substring(0, VALUE_WIDTH - 3) + "...";
        }
      }
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
