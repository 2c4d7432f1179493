package dev.plinth.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Pure check of {@code plinth:account}: the name {@code plan --all} groups stacks by (an account
 * alias or id). It must look like one, so that two spellings of one account cannot pass for two.
 */
public final class AccountValidation {
  static final String KEY = PlatformConfig.NAMESPACE + ":account";

  /**
   * An account alias as IAM accepts it (iam 2010-05-08 CreateAccountAlias, AccountAlias:
   * accountAliasType, 3 to 63 characters, pattern {@code
   * ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$}: lowercase letters, digits and single hyphens, no
   * hyphen first or last). A 12-digit account id (sts GetCallerIdentity, Account) matches it too.
   */
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]");

  static final String QUOTAS_KEY = PlatformConfig.NAMESPACE + ":quotas";

  /**
   * The quotas {@code plinth:quotas} may declare raised, by the account check's key (review
   * AccountCheck.QUOTAS names the same keys, a test keeps them in step).
   */
  public static final java.util.List<String> QUOTA_KEYS =
      java.util.List.of(
          "elasticIps", "vpcs", "internetGateways", "natGatewaysPerZone", "logResourcePolicies");

  private AccountValidation() {}

  /** Each declared quota names a known quota and is a whole number of at least 1. */
  public static List<ConfigProblem> validateQuotas(java.util.Map<String, Integer> quotas) {
    java.util.List<ConfigProblem> out = new java.util.ArrayList<>();
    quotas.forEach(
        (name, value) -> {
          if (!QUOTA_KEYS.contains(name)) {
            out.add(
                ConfigProblem.of(
                    QUOTAS_KEY + "." + name,
                    "is not a quota the account check counts; known: "
                        + String.join(", ", QUOTA_KEYS),
                    name));
          } else if (value == null || value < 1) {
            out.add(
                ConfigProblem.of(
                    QUOTAS_KEY + "." + name,
                    "must be the quota AWS granted the account in this region, a whole number of at"
                        + " least 1",
                    value));
          }
        });
    return out;
  }

  public static List<ConfigProblem> validate(String account) {
    if (account != null && ALIAS.matcher(account).matches()) {
      return List.of();
    }
    return List.of(
        ConfigProblem.of(
            KEY,
            "must name the AWS account the stack deploys to: its 12-digit id or an account alias"
                + " (3 to 63 lowercase letters, digits and single hyphens, not starting or ending"
                + " with a hyphen, as IAM account aliases are); stacks with the same value share"
                + " one account in plan --all",
            account));
  }
}
