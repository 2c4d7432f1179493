package dev.plinth.plan;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the plan command at a given width, for tests outside this package. */
public final class PlanCommandAccess {
  private PlanCommandAccess() {}

  /** What a run printed, and its exit code. */
  public record Run(int exit, String out, String err) {}

  public static Run plan(int width, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit =
        PlanCommand.execute(
            Path.of(""),
            width,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
