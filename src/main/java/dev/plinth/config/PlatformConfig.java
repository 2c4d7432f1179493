package dev.plinth.config;

/**
 * The whole platform's settings for one stack: the environment's preset with the stack file's
 * overrides, validated. Each section is the value of one key in the {@code plinth:} namespace
 * ({@code plinth:network}, ...); a later component adds its section here and in {@link #preset}.
 *
 * @param stack the Pulumi stack name
 * @param environment {@code plinth:environment}: dev, staging or prod (required; picks the preset)
 * @param region {@code aws:region} (required)
 */
public record PlatformConfig(
    String stack,
    Environment environment,
    String region,
    NetworkSettings network,
    EdgeSettings edge,
    DatabaseSettings database,
    CacheSettings cache,
    BackupSettings backups,
    ClusterSettings cluster,
    WorkloadSettings workloads,
    ObservabilitySettings observability,
    SecretsSettings secrets,
    CostSettings cost) {

  public static final String NAMESPACE = "plinth";
  public static final String PROJECT = "plinth";

  /** The documented defaults of an environment. */
  public static PlatformConfig preset(String stack, Environment environment, String region) {
    return new PlatformConfig(
        stack,
        environment,
        region,
        NetworkSettings.preset(environment),
        EdgeSettings.preset(environment),
        DatabaseSettings.preset(environment),
        CacheSettings.preset(environment),
        BackupSettings.preset(environment),
        ClusterSettings.preset(environment),
        WorkloadSettings.preset(environment),
        ObservabilitySettings.preset(environment),
        SecretsSettings.preset(environment),
        CostSettings.preset(environment));
  }

  /** Resource name prefix: the environment's key ({@code prod}). */
  public String prefix() {
    return environment.key();
  }
}
