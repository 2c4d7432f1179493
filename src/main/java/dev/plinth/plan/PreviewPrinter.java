package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a graph the way {@code pulumi preview} does: a tree of creates, then a summary. */
public final class PreviewPrinter {
  private PreviewPrinter() {}

  public static void print(ResourceGraph graph, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    graph.root().ifPresent(root -> rows(graph, root, "", "", rows));
    int typeWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(4) + 2;
    int nameWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(4) + 2;
    out.println("Previewing update (" + graph.stack() + "), offline against the mock engine:");
    out.println();
    out.println(" " + pad("    Type", typeWidth + 4) + pad("Name", nameWidth) + "Plan");
    for (String[] row : rows) {
      out.println(" +  " + pad(row[0], typeWidth) + pad(row[1], nameWidth) + "create");
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
    Map<String, Long> counts = graph.countsByType();
    int width = counts.keySet().stream().mapToInt(String::length).max().orElse(4) + 2;
    counts.forEach((type, n) -> out.println("    " + pad(type, width) + n));
  }

  private static void rows(
      ResourceGraph graph,
      RecordedResource node,
      String indent,
      String branch,
      List<String[]> rows) {
    rows.add(new String[] {indent + branch + node.type(), node.name()});
    List<RecordedResource> children = graph.children(node.urn());
    String childIndent = indent + (branch.isEmpty() ? "" : branch.startsWith("└") ? "   " : "│  ");
    for (int i = 0; i < children.size(); i++) {
      rows(graph, children.get(i), childIndent, i == children.size() - 1 ? "└─ " : "├─ ", rows);
    }
  }

  static String show(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
