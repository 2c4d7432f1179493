package dev.plinth;

import com.pulumi.Pulumi;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigLoader;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import dev.plinth.edge.EdgeValidation;
import dev.plinth.plan.PlanCommand;
import dev.plinth.workloads.WorkloadValidation;
import java.util.Arrays;

/**
 * Entry point of {@code target/plinth.jar}. With no arguments it is the Pulumi program that {@code
 * pulumi up} and {@code pulumi preview} run; {@code plan ...} is the offline plan.
 */
public final class Main {
  /**
   * The Pulumi SDK chains its work on {@code CompletableFuture}s without an executor. When the
   * common fork-join pool has fewer than two threads (the JDK gives it cores - 1: one on a 2-core
   * machine or CI runner), every such async step starts a thread of its own: about 2,200 threads
   * for a plan of prod, a second and a half of system time (measured with strace and hyperfine,
   * README "Measurements"). Four threads in the common pool avoid that. This runs before anything
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
    if (args.length == 0) {
      runUnderEngine();
      return;
    }
    if (args[0].equals("plan")) {
      System.exit(
          PlanCommand.execute(System.out, System.err, Arrays.copyOfRange(args, 1, args.length)));
    }
    System.err.println(
        "usage: plinth                (the Pulumi program: run it through `pulumi up`)");
    System.err.println("       plinth plan STACK [--json] [--config FILE]");
    System.exit(PlanCommand.CONFIG_ERRORS);
  }

  /** Validates the stack's configuration before anything is registered, then runs the platform. */
  private static void runUnderEngine() {
    PlatformConfig config;
    try {
      config =
          ConfigLoader.load(
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
