package dev.plinth.plan;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the plan command at a given width and keeps what it printed: every test's way to run it. */
public final class PlanCommandAccess {
  private PlanCommandAccess() {}

  /** What is printed, not its layout: runs at this width are not fitted (FitTest checks that). */
  public static final int UNFITTED = Integer.MAX_VALUE;

  /** What a run printed, and its exit code. */
  public record Run(int exit, String out, String err) {}

  public static Run plan(int width, String... args) {
    return plan(Path.of(""), width, args);
  }

  /** With {@code --all} reading the stack files of {@code directory}. */
  public static Run plan(Path directory, int width, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit =
        PlanCommand.execute(
            directory,
            width,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
