package dev.plinth.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.Context;
import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.plinth.Platform;
import dev.plinth.config.PlatformConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Runs a Pulumi program under the SDK's mock engine and records every registration as the engine
 * would receive it. The offline plan and the tests both use it, so they look at the same graph.
 *
 * <p>This is the one class that touches the SDK's internal test API ({@code PulumiTestInternal} and
 * {@code MockMonitor}, pinned with com.pulumi:pulumi 1.36.1): the public {@code PulumiTest} ignores
 * configuration (pulumi-java issue 1333) and hides the registration requests, whose {@code
 * protect}, {@code retainOnDelete}, {@code ignoreChanges}, parent and dependencies the plan must
 * show.
 */
public final class Recorder {
  private Recorder() {}

  /**
   * Plans the platform of a validated configuration whose stack files are in the working directory
   * ({@link #plan(PlatformConfig, java.nio.file.Path)}).
   */
  public static ResourceGraph plan(PlatformConfig config) {
    return plan(config, java.nio.file.Path.of(""));
  }

  /**
   * Plans the platform of a validated configuration. A standby's primary is planned first, from its
   * stack file in {@code stackDirectory} (where the standby's own file is, as the pair's check read
   * it), and the mock cloud answers the standby's StackReference with that plan's outputs (secret
   * ones stay secret): the standby's program is the one {@code pulumi up} runs.
   */
  public static ResourceGraph plan(PlatformConfig config, java.nio.file.Path stackDirectory) {
    Map<String, ObjectNode> stacks = new java.util.HashMap<>();
    if (config.dr().standby()) {
      String primary = config.dr().primaryStack();
      stacks.put(
          primary, primaryOutputs(primary, stackDirectory.resolve("Pulumi." + primary + ".yaml")));
    }
    return run(
        config.stack(),
        new MockCloud(config.region(), stack -> java.util.Optional.ofNullable(stacks.get(stack))),
        ctx -> Platform.deploy(ctx, config));
  }

  /** The outputs of each primary's offline plan, by stack name and stack-file text. */
  private static final Map<String, ObjectNode> PRIMARY_OUTPUTS = new ConcurrentHashMap<>();

  /**
   * The outputs of a stack's offline plan, from its stack file {@code file} (loaded as {@code
   * pulumi up} would, {@link dev.plinth.Checks#loadAlone}); computed once per file text.
   */
  static ObjectNode primaryOutputs(String stack, java.nio.file.Path file) {
    try {
      String key = stack + "\n" + java.nio.file.Files.readString(file);
      ObjectNode cached = PRIMARY_OUTPUTS.get(key);
      if (cached != null) {
        return cached;
      }
      PlatformConfig primary =
          dev.plinth.Checks.loadAlone(dev.plinth.config.RawConfig.fromStackFile(file), stack);
      ObjectNode outputs = plan(primary, dev.plinth.Checks.directoryOf(file)).outputs();
      PRIMARY_OUTPUTS.put(key, outputs);
      return outputs;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Where the SDK's engine logger writes: nowhere. A failing program's errors and exceptions come
   * back in the {@code TestResult}, which {@link PlanFailure} reports in one message; the SDK's
   * default logger would print them again, as a SEVERE record with a stack trace, before it.
   */
  static final Logger SILENT = silent();

  private static Logger silent() {
    Logger logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.OFF);
    return logger;
  }

  /** Runs any program (a component under test, say) and records what it registers. */
  public static ResourceGraph run(String stack, String region, Consumer<Context> program) {
    return run(stack, new MockCloud(region), program);
  }

  /**
   * Runs a program against the given mocks. The program path always passes a {@link MockCloud};
   * tests may pass one wrapped (a Mockito spy, say) to see which answers the engine asks for.
   */
  static ResourceGraph run(String stack, Mocks cloud, Consumer<Context> program) {
    List<RecordingMonitor> monitors = new ArrayList<>();
    PulumiTestInternal test =
        PulumiTestInternal.builder()
            .options(
                TestOptions.builder()
                    .projectName(PlatformConfig.PROJECT)
                    .stackName(stack)
                    .preview(false)
                    .build())
            .mocks(cloud)
            .standardLogger(SILENT)
            .monitorDecorator(
                monitor -> {
                  RecordingMonitor recording = new RecordingMonitor(cloud);
                  monitors.add(recording);
                  return recording;
                })
            .build();
    try {
      TestResult result = test.runTest(program);
      if (!result.exceptions().isEmpty() || !result.errors().isEmpty() || result.exitCode() != 0) {
        throw new PlanFailure(stack, result);
      }
      RecordingMonitor monitor = monitors.get(0);
      return new ResourceGraph(stack, monitor.recorded(), monitor.stackOutputs());
    } finally {
      PulumiTestInternal.cleanup();
    }
  }

  /** The program failed under the mock engine; carries what it reported. */
  public static final class PlanFailure extends RuntimeException {
    PlanFailure(String stack, TestResult result) {
      super(
          describe(stack, result),
          result.exceptions().isEmpty() ? null : result.exceptions().get(0));
    }

    private static String describe(String stack, TestResult result) {
      List<String> lines = new ArrayList<>();
      result.exceptions().forEach(e -> lines.add(rootMessage(e)));
      lines.addAll(result.errors());
      return "the program failed while planning " + stack + ":\n  " + String.join("\n  ", lines);
    }

    private static String rootMessage(Throwable e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
  }

  /** A mock monitor that keeps each registration request it answers. */
  static final class RecordingMonitor extends MockMonitor {
    private final List<RecordedResource> recorded = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> outputs = new ConcurrentHashMap<>();

    RecordingMonitor(Mocks cloud) {
      super(cloud, Log.ignore());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
        Resource resource, RegisterResourceRequest request) {
      return super.registerResourceAsync(resource, request)
          .thenApply(
              response -> {
                recorded.add(
                    new RecordedResource(
                        request.getType(),
                        request.getName(),
                        response.getUrn(),
                        response.getId(),
                        request.getParent().isEmpty() ? null : request.getParent(),
                        request.getCustom(),
                        StructJson.of(request.getObject()),
                        List.copyOf(request.getDependenciesList()),
                        request.getProtect(),
                        request.getRetainOnDelete(),
                        request.getProvider().isEmpty() ? null : request.getProvider(),
                        List.copyOf(request.getIgnoreChangesList()),
                        propertyDependencies(request)));
                return response;
              });
    }

    /** Per input, the URNs of the resources it comes from (the request's propertyDependencies). */
    private static Map<String, List<String>> propertyDependencies(RegisterResourceRequest request) {
      Map<String, List<String>> out = new java.util.TreeMap<>();
      request
          .getPropertyDependenciesMap()
          .forEach((key, deps) -> out.put(key, List.copyOf(deps.getUrnsList())));
      return out;
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(
        RegisterResourceOutputsRequest request) {
      outputs.put(request.getUrn(), StructJson.of(request.getOutputs()));
      return super.registerResourceOutputsAsync(request);
    }

    List<RecordedResource> recorded() {
      synchronized (recorded) {
        return List.copyOf(recorded);
      }
    }

    ObjectNode stackOutputs() {
      return recorded().stream()
          .filter(RecordedResource::isStack)
          .findFirst()
          .map(stack -> outputs.get(stack.urn()))
          .orElse(JsonNodeFactory.instance.objectNode());
    }
  }
}
