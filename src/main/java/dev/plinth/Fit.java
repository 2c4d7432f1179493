package dev.plinth;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fits the plan's text to the terminal: its width when it is one ({@code COLUMNS}, which the {@code
 * plinth} script sets from {@code stty size} when stdout is a terminal), {@value #DEFAULT} columns
 * otherwise. Tables are laid out for the width by their printers; every other line longer than the
 * width is wrapped at spaces, its continuation indented under it. {@code --json} is never fitted:
 * it keeps every detail.
 */
public final class Fit {
  /** The width when stdout is not a terminal, or {@code COLUMNS} is absent or unreadable. */
  public static final int DEFAULT = 100;

  /** Narrower than this, a table cannot show a type and a name side by side; use the default. */
  public static final int MIN = 60;

  /** How much further a wrapped line's continuation is indented than its first line. */
  static final int HANG = 4;

  private Fit() {}

  /** The width to fit: {@code COLUMNS} when it is a whole number of at least {@value #MIN}. */
  public static int columns(Map<String, String> environment) {
    String columns = environment.get("COLUMNS");
    if (columns != null && columns.strip().matches("\\d{1,4}")) {
      int n = Integer.parseInt(columns.strip());
      if (n >= MIN) {
        return n;
      }
    }
    return DEFAULT;
  }

  /**
   * A Pulumi type token without its file part where that only repeats the type's name: {@code
   * aws:iam/rolePolicyAttachment:RolePolicyAttachment} is {@code aws:iam:RolePolicyAttachment}, the
   * module-level alias every Pulumi SDK also accepts. Other tokens are unchanged.
   */
  public static String shortType(String token) {
    String[] parts = token.split(":", -1);
    if (parts.length != 3) {
      return token;
    }
    int slash = parts[1].indexOf('/');
    if (slash < 0) {
      return token;
    }
    String file = parts[1].substring(slash + 1);
    String name = parts[2];
    if (name.isEmpty() || !file.equals(Character.toLowerCase(name.charAt(0)) + name.substring(1))) {
      return token;
    }
    return parts[0] + ":" + parts[1].substring(0, slash) + ":" + name;
  }

  /** The text cut to {@code width} characters, its end replaced by an ellipsis when cut. */
  public static String cut(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    return width <= 1 ? text.substring(0, Math.max(width, 0)) : text.substring(0, width - 1) + "…";
  }

  /**
   * One line as lines of at most {@code width} characters: broken at the last space that fits, a
   * word longer than a line broken where the line ends; continuations are indented {@value #HANG}
   * more than the line.
   */
  public static List<String> wrap(String line, int width) {
    List<String> out = new ArrayList<>();
    if (line.length() <= width) {
      out.add(line);
      return out;
    }
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    String hang = " ".repeat(Math.min(lead + HANG, width / 2));
    String rest = line;
    String indent = "";
    while ((indent + rest).length() > width) {
      int room = width - indent.length();
      int space = rest.lastIndexOf(' ', room);
      int minimum = indent.isEmpty() ? lead + 1 : 1;
      int at = space >= minimum ? space : room;
      out.add(indent + rest.substring(0, at).stripTrailing());
      rest = rest.substring(at).stripLeading();
      indent = hang;
    }
    if (!rest.isEmpty()) {
      out.add(indent + rest);
    }
    return out;
  }

  /** A stream that writes each line it is given to {@code out}, wrapped to {@code width}. */
  public static PrintStream wrapping(PrintStream out, int width) {
    return new PrintStream(new LineWrapper(out, width), true, StandardCharsets.UTF_8);
  }

  /** Collects bytes up to each newline, then writes that line wrapped. */
  private static final class LineWrapper extends OutputStream {
    private final PrintStream out;
    private final int width;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineWrapper(PrintStream out, int width) {
      this.out = out;
      this.width = width;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        boolean cr = text.endsWith("\r");
        wrap(cr ? text.substring(0, text.length() - 1) : text, width).forEach(out::println);
      } else {
        line.write(b);
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      if (line.size() > 0) {
        out.print(line.toString(StandardCharsets.UTF_8));
        line.reset();
      }
      out.flush();
    }
  }
}
