package dev.plinth.config;

/**
 * The whole platform's settings for one stack: the environment's preset with the stack file's
 * overrides, validated. Each section is the value of one key in the {@code plinth:} namespace
 * ({@code plinth:network}, ...); a later component adds its section here and in {@link #preset}.
 *
 * @param stack the Pulumi stack name
 * @param environment {@code plinth:environment}: dev, staging or prod (required; picks the preset)
 * @param region {@code aws:region} (required)
 * @param officeHours {@code plinth:officeHours}: when the node group and the database run (on in
 *     dev and staging, off in prod; see {@link OfficeHoursSettings})
 * @param account {@code plinth:account}: a name for the AWS account the stack deploys to (an alias
 *     or the 12-digit id; Plinth never calls AWS with it). {@code plan --all} treats stacks with
 *     the same account as sharing one account's names and quotas, and stacks with the same account
 *     and {@code aws:region} as sharing one region's (review/AccountCheck). Default {@value
 *     #DEFAULT_ACCOUNT} in every environment: docs/deploy.md deploys dev, staging and prod into one
 *     account, so by default all stacks share it
 * @param dr {@code plinth:dr}: disaster recovery across regions, {@link DrSettings}
 * @param access {@code plinth:access}: operator access through Session Manager, {@link
 *     AccessSettings}
 * @param search {@code plinth:search}: the OpenSearch domain of the large tier, {@link
 *     SearchSettings}
 * @param quotas {@code plinth:quotas}: quotas that AWS has raised for the account and region the
 *     stack deploys to, by the account check's key ({@link AccountValidation#QUOTA_KEYS}, such as
 *     {@code elasticIps}); a quota not named keeps AWS's default. Plinth never calls AWS with it:
 *     it tells {@code plan --all} what the account holds. Default empty in every environment (a new
 *     account has AWS's defaults)
 * @param keys {@code plinth:keys}: the KMS key layout ({@link KeySettings})
 * @param tier {@code plinth:tier}: seed 001's production tier, small, medium or large ({@link
 *     Tier}), laid over the preset before the stack file. Default medium in prod ({@link
 *     Tier#PROD_DEFAULT}; the prod preset is the medium tier), none in staging (which mirrors a
 *     tier, reduced, when given one) and dev (which takes none). With {@code
 *     plinth:capacity.concurrentUsers} and no tier written, the load picks it
 * @param capacity {@code plinth:capacity}: the load the stack is sized for
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
    KeySettings keys,
    CostSettings cost,
    DrSettings dr,
    OfficeHoursSettings officeHours,
    AccessSettings access,
    SearchSettings search,
    String account,
    java.util.Map<String, Integer> quotas,
    Tier tier,
    CapacitySettings capacity) {

  public static final String NAMESPACE = "plinth";
  public static final String PROJECT = "plinth";

  /** {@code plinth:account} when a stack does not set it: one account for every stack. */
  public static final String DEFAULT_ACCOUNT = "default";

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
        KeySettings.preset(environment),
        CostSettings.preset(environment),
        DrSettings.preset(environment),
        OfficeHoursSettings.preset(environment),
        AccessSettings.preset(environment),
        SearchSettings.preset(environment),
        DEFAULT_ACCOUNT,
        java.util.Map.of(),
        environment == Environment.PROD ? Tier.PROD_DEFAULT : null,
        CapacitySettings.preset(environment));
  }

  /**
   * The preset of a stack whose {@code plinth:dr} is {@code dr}: a standby's ({@code
   * plinth:dr.role: standby}) differs from its environment's in that its database, a read replica
   * until promoted ({@code plinth:dr.promoted}), has no RDS Proxy ({@link
   * ProxySettings#standbyPreset}); a primary's, and a promoted standby's, is the environment's.
   */
  public PlatformConfig forRole(DrSettings dr) {
    if (!dr.replicaDatabase()) {
      return this;
    }
    return sized(
        database.withProxy(ProxySettings.standbyPreset(environment)),
        cache,
        cluster,
        workloads,
        search,
        tier,
        capacity);
  }

  /**
   * This configuration with what sizes it replaced (a tier: {@code Tier.apply}; a standby's
   * database: {@link #forRole}), everything else as it is.
   */
  public PlatformConfig sized(
      DatabaseSettings database,
      CacheSettings cache,
      ClusterSettings cluster,
      WorkloadSettings workloads,
      SearchSettings search,
      Tier tier,
      CapacitySettings capacity) {
    return new PlatformConfig(
        stack,
        environment,
        region,
        network,
        edge,
        database,
        cache,
        backups,
        cluster,
        workloads,
        observability,
        secrets,
        keys,
        cost,
        dr,
        officeHours,
        access,
        search,
        account,
        quotas,
        tier,
        capacity);
  }

  /**
   * Resource name prefix: the stack's name ({@code prod}, {@code prod-dr}). For dev, staging and
   * prod the stack name is the environment's key, so their names are those they always had; a
   * second stack of an environment (a standby) gets names of its own (issue 17).
   */
  public String prefix() {
    return stack;
  }
}
