package dev.plinth.config;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The checks whose rules are only about settings, not about a component: regions, account, quotas,
 * observability, cost and secrets. The components' own checks live in their packages.
 */
public final class SettingsChecks {
  private SettingsChecks() {}

  /** {@code plinth:backups.drRegion} must be a region AWS has. */
  public static final ConfigCheck DR_REGION =
      config ->
          AwsRegions.check("plinth:backups.drRegion", TextNode.valueOf(config.backups().drRegion()))
              .stream()
              .toList();

  public static final ConfigCheck OBSERVABILITY =
      config -> ObservabilityValidation.validate(config.observability());

  public static final ConfigCheck COST = config -> CostValidation.validate(config.cost());

  public static final ConfigCheck ACCOUNT = config -> AccountValidation.validate(config.account());

  public static final ConfigCheck QUOTAS =
      config -> AccountValidation.validateQuotas(config.quotas());

  public static final ConfigCheck DR = config -> DrSettings.validate(config.dr());

  /** {@code plinth:tier} and {@code plinth:capacity}: where they apply, and the load's checks. */
  public static final ConfigCheck CAPACITY = CapacityValidation::validate;

  public static final ConfigCheck ACCESS = config -> AccessSettings.validate(config.access());

  public static final ConfigCheck SECRETS =
      config -> SecretsSettings.validate(config.secrets(), config.environment());
}
