package dev.plinth.data;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.DrRegion;
import dev.plinth.config.Environment;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.Secret;
import dev.plinth.keys.KeyDomain;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.Map;

/** Builds one data component alone from an environment's settings and hand-made handles. */
final class DataAlone {
  /** A disaster-recovery region no preset names, so a test sees that the handle's is used. */
  static final String DR_REGION = "eu-west-1";

  private DataAlone() {}

  static ComponentResourceOptions none() {
    return ComponentResourceOptions.builder().build();
  }

  /** The DR region {@value #DR_REGION}, through a provider named {@code test-aws-dr}. */
  static DrRegion dr() {
    return new DrRegion(
        DR_REGION, new Provider("test-aws-dr", ProviderArgs.builder().region(DR_REGION).build()));
  }

  /** The database alone as {@code env}'s preset with these values sets it, as {@code test-db}. */
  static ResourceGraph database(String env, Map<String, ?> values) {
    return database("test-db", Plans.config(env, values), DataAlone::dr);
  }

  /**
   * The database alone as {@code config} sets it, named as in its stack ({@code <prefix>-db}),
   * replicating (where it does) to the DR region of {@link Handles#dr()}, us-west-2 as in the
   * stacks.
   */
  static ResourceGraph database(PlatformConfig config) {
    return database(config.prefix() + "-db", config, Handles::dr);
  }

  /** The DR region is made inside the program: its provider is a resource. */
  private static ResourceGraph database(
      String name, PlatformConfig config, java.util.function.Supplier<DrRegion> dr) {
    return Handles.build(
        ctx ->
            new Database(
                name,
                new Database.Args(
                    config.database(),
                    config.environment(),
                    Handles.dataPlacement("db"),
                    Handles.appTier(),
                    Handles.keys(),
                    Handles.logs(),
                    Handles.aws(),
                    new Database.Writer(dr.get())),
                none()));
  }

  static ResourceGraph cache(String env) {
    var config = Plans.config(env);
    return Handles.build(
        ctx -> {
          var secrets =
              new Secrets(
                  "test-secrets",
                  config.environment(),
                  config.stack(),
                  Map.of(),
                  Output.of(Handles.keyArn(KeyDomain.SECRETS.key())),
                  java.util.Optional.empty(),
                  none());
          new Cache(
              "test-cache",
              new Cache.Args(
                  config.cache(),
                  config.environment(),
                  Handles.dataPlacement("cache"),
                  Handles.appTier(),
                  Handles.keys(),
                  Handles.logs(),
                  secrets,
                  Cache.Scope.regional(config.stack())),
              none());
        });
  }

  static ResourceGraph secrets(Environment environment, Map<String, Secret> app) {
    return Handles.build(
        ctx ->
            new Secrets(
                "test-secrets",
                environment,
                environment.key(),
                app,
                Output.of(Handles.keyArn(KeyDomain.SECRETS.key())),
                java.util.Optional.empty(),
                none()));
  }
}
