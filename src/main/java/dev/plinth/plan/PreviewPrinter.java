package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Fit;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a graph the way {@code pulumi preview} does: a tree of creates, then a summary, laid out
 * for a width ({@link Fit}): when the full type tokens do not fit, types in their short form, and
 * then the type and name columns cut with an ellipsis ({@code --json} has them whole).
 */
public final class PreviewPrinter {
  private PreviewPrinter() {}

  /** The row's sign column before the type, and the plan column after the name. */
  static final String SIGN = " +  ";

  static final String CREATE = "create";

  public static void print(ResourceGraph graph, PrintStream out) {
    print(graph, out, Integer.MAX_VALUE);
  }

  public static void print(ResourceGraph graph, PrintStream out, int width) {
    int room = width - SIGN.length() - CREATE.length();
    List<String[]> rows = rows(graph, type -> type);
    int typeWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(4) + 2;
    int nameWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(4) + 2;
    boolean shortTypes = typeWidth + nameWidth > room;
    if (shortTypes) {
      rows = rows(graph, Fit::shortType);
      typeWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(4) + 2;
    }
    if (typeWidth + nameWidth > room) {
      // The name column keeps what it needs up to half the room, the type column the rest.
      nameWidth = Math.min(nameWidth, Math.max(room / 2, room - typeWidth));
      typeWidth = room - nameWidth;
    }
    out.println("Previewing update (" + graph.stack() + "), offline against the mock engine:");
    out.println();
    out.println(" " + pad("    Type", typeWidth + 4) + pad("Name", nameWidth) + "Plan");
    for (String[] row : rows) {
      out.println(
          SIGN
              + pad(Fit.cut(row[0], typeWidth - 1), typeWidth)
              + pad(Fit.cut(row[1], nameWidth - 1), nameWidth)
              + CREATE);
    }
    out.println();
    if (graph.outputs().size() > 0) {
      out.println("Outputs:");
      graph
          .outputs()
          .fields()
          .forEachRemaining(e -> out.println("    " + e.getKey() + ": " + show(e.getValue())));
      out.println();
    }
    out.println("Resources:");
    out.println("    + " + graph.resources().size() + " to create");
    out.println();
    out.println("By type:");
    Map<String, Long> counts = new java.util.TreeMap<>();
    graph
        .countsByType()
        .forEach((type, n) -> counts.merge(shortTypes ? Fit.shortType(type) : type, n, Long::sum));
    int column = counts.keySet().stream().mapToInt(String::length).max().orElse(4) + 2;
    counts.forEach((type, n) -> out.println("    " + pad(type, column) + n));
  }

  /** The tree's rows: each a type (as {@code typeName} shows it) and a name. */
  private static List<String[]> rows(
      ResourceGraph graph, java.util.function.UnaryOperator<String> typeName) {
    List<String[]> rows = new ArrayList<>();
    graph.root().ifPresent(root -> rows(graph, root, "", "", typeName, rows));
    return rows;
  }

  private static void rows(
      ResourceGraph graph,
      RecordedResource node,
      String indent,
      String branch,
      java.util.function.UnaryOperator<String> typeName,
      List<String[]> rows) {
    rows.add(new String[] {indent + branch + typeName.apply(node.type()), node.name()});
    List<RecordedResource> children = graph.children(node.urn());
    String childIndent = indent + (branch.isEmpty() ? "" : branch.startsWith("└") ? "   " : "│  ");
    for (int i = 0; i < children.size(); i++) {
      rows(
          graph,
          children.get(i),
          childIndent,
          i == children.size() - 1 ? "└─ " : "├─ ",
          typeName,
          rows);
    }
  }

  static String show(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
