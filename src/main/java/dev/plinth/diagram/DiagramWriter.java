package dev.plinth.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a {@link Diagram} as Mermaid ({@code .mmd}) or Graphviz DOT ({@code .dot}). */
public final class DiagramWriter {
  private DiagramWriter() {}

  /** Whether the file's extension names a format: .mmd (or .mermaid), .dot (or .gv). */
  public static boolean knows(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".mmd")
        || name.endsWith(".mermaid")
        || name.endsWith(".dot")
        || name.endsWith(".gv");
  }

  /** Writes by the file's extension; fails naming the extensions it knows. */
  public static void write(Diagram diagram, Path file) throws IOException {
    String name = file.getFileName().toString();
    String text;
    if (name.endsWith(".mmd") || name.endsWith(".mermaid")) {
      text = mermaid(diagram);
    } else if (name.endsWith(".dot") || name.endsWith(".gv")) {
      text = dot(diagram);
    } else {
      throw new IllegalArgumentException(
          "--diagram " + file + ": the file must end in .mmd (Mermaid) or .dot (Graphviz)");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text);
  }

  public static String mermaid(Diagram d) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (Diagram.Node n : d.outside()) {
      out.append("  ").append(mermaidNode(n)).append('\n');
    }
    int i = 0;
    for (var group : d.groups().entrySet()) {
      out.append("  subgraph g")
          .append(i++)
          .append("[\"")
          .append(escape(group.getKey()))
          .append("\"]\n");
      for (Diagram.Node n : group.getValue()) {
        out.append("    ").append(mermaidNode(n)).append('\n');
      }
      out.append("  end\n");
    }
    for (Diagram.Edge e : d.edges()) {
      String arrow = e.dashed() ? "-.->" : "-->";
      if (e.label().isEmpty()) {
        out.append("  ")
            .append(e.from())
            .append(' ')
            .append(arrow)
            .append(' ')
            .append(e.to())
            .append('\n');
      } else if (e.dashed()) {
        out.append("  ")
            .append(e.from())
            .append(" -. \"")
            .append(escape(e.label()))
            .append("\" .-> ")
            .append(e.to())
            .append('\n');
      } else {
        out.append("  ")
            .append(e.from())
            .append(" -- \"")
            .append(escape(e.label()))
            .append("\" --> ")
            .append(e.to())
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String mermaidNode(Diagram.Node n) {
    String label = escape(n.label()).replace("\\n", "<br/>");
    return switch (n.shape()) {
      case "cylinder" -> n.id() + "[(\"" + label + "\")]";
      case "ellipse" -> n.id() + "((\"" + label + "\"))";
      default -> n.id() + "[\"" + label + "\"]";
    };
  }

  private static String escape(String s) {
    return s.replace("\"", "'");
  }

  public static String dot(Diagram d) {
    StringBuilder out = new StringBuilder();
    out.append("digraph \"").append(d.stack()).append("\" {\n");
    out.append("  rankdir=LR;\n  compound=true;\n");
    out.append("  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=rounded];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (Diagram.Node n : d.outside()) {
      out.append("  ").append(dotNode(n)).append('\n');
    }
    int i = 0;
    for (var group : d.groups().entrySet()) {
      out.append("  subgraph cluster_").append(i++).append(" {\n");
      out.append("    label=\"").append(escape(group.getKey())).append("\";\n");
      out.append("    style=rounded; color=gray50;\n");
      for (Diagram.Node n : group.getValue()) {
        out.append("    ").append(dotNode(n)).append('\n');
      }
      out.append("  }\n");
    }
    for (Diagram.Edge e : d.edges()) {
      out.append("  ").append(e.from()).append(" -> ").append(e.to());
      List<String> attrs = new java.util.ArrayList<>();
      if (!e.label().isEmpty()) {
        attrs.add("label=\"" + escape(e.label()) + "\"");
      }
      if (e.dashed()) {
        attrs.add("style=dashed");
      } else {
        attrs.add("penwidth=1.6");
      }
      out.append(" [").append(String.join(", ", attrs)).append("];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static String dotNode(Diagram.Node n) {
    String shape =
        switch (n.shape()) {
          case "cylinder" -> "cylinder";
          case "ellipse" -> "ellipse";
          default -> "box";
        };
    return n.id() + " [label=\"" + escape(n.label()) + "\", shape=" + shape + "];";
  }
}
