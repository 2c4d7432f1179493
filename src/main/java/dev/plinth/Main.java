package dev.plinth;

import com.pulumi.Pulumi;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import dev.plinth.config.SettingsTable;
import dev.plinth.edge.EdgeValidation;
import dev.plinth.plan.PlanCommand;
import dev.plinth.workloads.WorkloadValidation;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of {@code target/plinth.jar}. Started by the Pulumi engine without arguments it is
 * the Pulumi program that {@code pulumi up} and {@code pulumi preview} run; otherwise it is a
 * command line: {@code plan ...} (the offline plan), {@code --help}, {@code --version}.
 */
public final class Main {
  /**
   * The Pulumi SDK chains its work on {@code CompletableFuture}s without an executor. When the
   * common fork-join pool has fewer than two threads (the JDK gives it cores - 1: one on a 2-core
   * machine or CI runner), every such async step starts a thread of its own: about 2,200 threads
   * for a plan of prod, a second and a half of system time (measured with strace and hyperfine,
   * docs/measurements.md). Four threads in the common pool avoid that. This runs before anything
   * touches the pool, and leaves a value set on the command line alone.
   */
  static final String COMMON_POOL = "java.util.concurrent.ForkJoinPool.common.parallelism";

  static {
    if (System.getProperty(COMMON_POOL) == null) {
      System.setProperty(
          COMMON_POOL, String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors())));
    }
  }

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0 && underEngine(System.getenv())) {
      runUnderEngine();
      return;
    }
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Whether the Pulumi engine started this process: the language host passes the address of its
   * resource monitor in {@code PULUMI_MONITOR} (and of the engine in {@code PULUMI_ENGINE}), which
   * the SDK's {@code DeploymentImpl} reads to connect (pulumi-java 1.36.1). Without it, running the
   * program can only fail on the missing engine settings, so no arguments print the help instead.
   */
  static boolean underEngine(Map<String, String> env) {
    String monitor = env.get("PULUMI_MONITOR");
    return monitor != null && !monitor.isBlank();
  }

  /** The command line outside the engine; returns the exit code. */
  static int run(PrintStream out, PrintStream err, String... args) {
    if (args.length == 0) {
      help(out);
      return PlanCommand.OK;
    }
    switch (args[0]) {
      case "-h", "--help", "help" -> {
        help(out);
        return PlanCommand.OK;
      }
      case "-V", "--version", "version" -> {
        out.println(Version.line());
        return PlanCommand.OK;
      }
      case "plan" -> {
        return PlanCommand.execute(out, err, Arrays.copyOfRange(args, 1, args.length));
      }
      case "settings" -> {
        return settings(out, err, Arrays.copyOfRange(args, 1, args.length));
      }
      default -> {
        err.println("plinth: unknown command '" + args[0] + "'");
        err.println();
        help(err);
        return PlanCommand.CONFIG_ERRORS;
      }
    }
  }

  /**
   * {@code plinth settings [STACK]}: every setting with its type and default per environment (the
   * loader's model, config/SettingsTable); with STACK, also the effective values of
   * Pulumi.STACK.yaml, marking what its stack file changes.
   */
  static int settings(PrintStream out, PrintStream err, String... args) {
    return settings(out, err, Fit.columns(System.getenv()), args);
  }

  /** {@code plinth settings}, fitted to {@code width} columns. */
  static int settings(PrintStream out, PrintStream err, int width, String... args) {
    if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
      boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
      (help ? out : err).println("usage: " + SETTINGS_USAGE);
      return help ? PlanCommand.OK : PlanCommand.CONFIG_ERRORS;
    }
    PlatformConfig stack = null;
    if (args.length == 1) {
      java.nio.file.Path file = java.nio.file.Path.of("Pulumi." + args[0] + ".yaml");
      try {
        stack = Checks.load(file, args[0]);
      } catch (ConfigException e) {
        e.problems().stream().map(ConfigProblem::message).forEach(err::println);
        return PlanCommand.CONFIG_ERRORS;
      } catch (java.io.IOException e) {
        err.println("cannot read " + file + ": " + e.getMessage());
        return PlanCommand.CONFIG_ERRORS;
      }
    }
    Fit.wrap(
            "Settings of Pulumi.<stack>.yaml: type and default per environment"
                + " (docs/settings.md says what each means and where its default comes from).",
            width)
        .forEach(out::println);
    SettingsTable.text(stack, width).forEach(out::println);
    return PlanCommand.OK;
  }

  static final String SETTINGS_USAGE =
      "plinth settings [STACK]   Every setting: type, default per environment; with STACK, the"
          + " values of Pulumi.STACK.yaml.";

  /**
   * The top-level help; the plan line is picocli's synopsis of PlanCommand, so it lists every
   * option.
   */
  static void help(PrintStream out) {
    String plan =
        new CommandLine(new PlanCommand(out, out))
            .getHelp()
            .synopsis(0)
            .strip()
            .replaceAll("\\s+", " ");
    out.println(Version.line());
    out.println("A Pulumi program that provisions an AWS platform, and its offline plan.");
    out.println();
    out.println("Usage:");
    // The synopsis grows with every option: wrapped to the default width, under itself.
    Fit.wrap("  plinth " + plan, Fit.DEFAULT).forEach(out::println);
    out.println(
        "      What `pulumi up` would create for STACK (Pulumi.<STACK>.yaml), offline: the");
    out.println(
        "      preview, policy verdicts and cost. `plinth plan --help` explains each option.");
    out.println("  " + SETTINGS_USAGE.replace("   Every", "\n      Every"));
    out.println("  plinth --help | -h        This help.");
    out.println("  plinth --version | -V     The version.");
    out.println();
    out.println("Under `pulumi preview` and `pulumi up` the engine starts this program without");
    out.println("arguments (PULUMI_MONITOR set); then it is the Pulumi program itself.");
    out.println();
    out.println("Exit codes: 0 done; 1 failed; 2 configuration errors or a bad command line;");
    out.println(
        "3 a mandatory policy rule failed under --policy enforce. See README.md and docs/plan.md.");
  }

  /** Validates the stack's configuration before anything is registered, then runs the platform. */
  private static void runUnderEngine() {
    PlatformConfig config;
    try {
      config =
          Checks.load(
              RawConfig.fromEngineEnvironment(System.getenv()), System.getenv("PULUMI_STACK"));
    } catch (ConfigException e) {
      e.problems().stream().map(ConfigProblem::message).forEach(System.err::println);
      System.exit(PlanCommand.CONFIG_ERRORS);
      return;
    }
    var placeholders = new java.util.ArrayList<>(EdgeValidation.forDeployment(config.edge()));
    placeholders.addAll(WorkloadValidation.forDeployment(config.workloads()));
    placeholders.addAll(dev.plinth.compute.ClusterValidation.forDeployment(config.cluster()));
    placeholders.addAll(
        dev.plinth.config.ObservabilityValidation.forDeployment(config.observability()));
    if (!placeholders.isEmpty()) {
      placeholders.stream().map(ConfigProblem::message).forEach(System.err::println);
      System.exit(PlanCommand.CONFIG_ERRORS);
      return;
    }
    Pulumi.run(ctx -> Platform.deploy(ctx, config));
  }
}
