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

  private AccountValidation() {}

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
