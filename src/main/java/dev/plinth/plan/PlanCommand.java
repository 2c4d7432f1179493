package dev.plinth.plan;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.plinth.Json;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigLoader;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plan <stack> [--json] [--config FILE]}: what {@code pulumi up} would create, offline. Exit
 * codes: 0 planned, 2 configuration errors (or a bad command line), 1 anything else.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Shows what `pulumi up` would create for a stack, offline (no AWS, no Pulumi CLI).")
public final class PlanCommand implements Callable<Integer> {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int CONFIG_ERRORS = 2;

  @Parameters(
      index = "0",
      paramLabel = "STACK",
      description = "Stack name: reads Pulumi.<STACK>.yaml.")
  String stack;

  @Option(
      names = "--json",
      description = "Print one JSON document shaped like `pulumi preview --json`.")
  boolean json;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Stack file to read instead of Pulumi.<STACK>.yaml in the working directory.")
  Path config;

  private final PrintStream out;
  private final PrintStream err;

  public PlanCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command line; returns the exit code. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new PlanCommand(out, err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    Path file = config != null ? config : Path.of("Pulumi." + stack + ".yaml");
    PlatformConfig platform;
    try {
      platform = ConfigLoader.load(RawConfig.fromStackFile(file), stack);
    } catch (ConfigException e) {
      e.problems().stream().map(ConfigProblem::message).forEach(err::println);
      return CONFIG_ERRORS;
    } catch (java.io.IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
      return CONFIG_ERRORS;
    }
    try {
      ResourceGraph graph = Recorder.plan(platform);
      if (json) {
        out.println(
            Json.MAPPER
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(PreviewJson.of(graph, platform)));
      } else {
        PreviewPrinter.print(graph, out);
      }
      return OK;
    } catch (Exception e) {
      err.println("plan " + stack + " failed: " + e.getMessage());
      return FAILED;
    }
  }
}
