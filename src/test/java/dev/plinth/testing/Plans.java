package dev.plinth.testing;

import dev.plinth.Checks;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import dev.plinth.plan.Recorder;
import dev.plinth.plan.ResourceGraph;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds configurations and plans for tests, the way the plan command does. */
public final class Plans {
  private static final Map<String, ResourceGraph> STACK_PLANS = new ConcurrentHashMap<>();

  private Plans() {}

  /**
   * The configuration of an environment's preset in us-east-1 with these stack-file values. The
   * edge needs a certificate or an explicit HTTP-only dev, which no preset gives; unless the values
   * set {@code plinth:edge}, they get what the stack files say: {@code httpOnly} in dev, a
   * placeholder domain and zone in staging and prod.
   */
  public static PlatformConfig config(String environment, Map<String, ?> values) {
    return Checks.load(raw(environment, values), environment);
  }

  /** The raw values that {@link #config(String, Map)} loads, for tests that load them otherwise. */
  public static RawConfig raw(String environment, Map<String, ?> values) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("aws:region", "us-east-1");
    all.put("plinth:environment", environment);
    all.put("plinth:edge", edgeOfStackFile(environment));
    all.putAll(values);
    return RawConfig.of(all);
  }

  private static Map<String, Object> edgeOfStackFile(String environment) {
    if (environment.equals("dev")) {
      return Map.of("httpOnly", true);
    }
    String domain =
        environment.equals("prod") ? "app.example.com" : environment + ".app.example.com";
    return Map.of("domain", domain, "hostedZoneId", "Z00000000PLACEHOLDER");
  }

  /**
   * The messages of the problems for which {@link #config(String, Map)} refuses these values; fails
   * the test when they load.
   */
  public static java.util.List<String> refusal(String environment, Map<String, ?> values) {
    try {
      config(environment, values);
    } catch (dev.plinth.config.ConfigException e) {
      return e.problems().stream().map(dev.plinth.config.ConfigProblem::message).toList();
    }
    throw new AssertionError(
        "the configuration " + values + " of " + environment + " loaded; it should be refused");
  }

  public static PlatformConfig config(String environment) {
    return config(environment, Map.of());
  }

  /** The configuration of a real stack file at the project root. */
  public static PlatformConfig stackFile(String stack) {
    try {
      return Checks.load(RawConfig.fromStackFile(Path.of("Pulumi." + stack + ".yaml")), stack);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The plan of a real stack file, computed once per test run; anew on each call when the system
   * property {@code plinth.noCaches} is true (the {@code mutation} profile sets it: PIT runs many
   * mutants in one JVM, and a plan kept from an earlier mutant would hide the current one).
   */
  public static ResourceGraph ofStack(String stack) {
    if (Boolean.getBoolean(NO_CACHES)) {
      return Recorder.plan(stackFile(stack));
    }
    return STACK_PLANS.computeIfAbsent(stack, s -> Recorder.plan(stackFile(s)));
  }

  /** The system property that switches the test run's caches off (pom.xml, profile mutation). */
  public static final String NO_CACHES = "plinth.noCaches";

  public static ResourceGraph of(PlatformConfig config) {
    return Recorder.plan(config);
  }
}
