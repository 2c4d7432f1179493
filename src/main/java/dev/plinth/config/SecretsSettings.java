package dev.plinth.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Secret values the application needs that no AWS service generates ({@code plinth:secrets}), e.g.
 * seed 004's third-party API keys. Set them with {@code pulumi config set --secret --path
 * 'plinth:secrets.app.OPENAI_API_KEY'}; they are never shown (the plan prints {@code [secret]}).
 * The stack file must hold them encrypted ({@code secure: v1:...}): a plain value is refused.
 *
 * @param app secret name to value; empty by default
 */
public record SecretsSettings(Map<String, Secret> app) {
  static final String KEY = "plinth:secrets.app";

  /**
   * What Secrets Manager accepts as a secret's name: secretsmanager 2017-10-17 CreateSecret, Name
   * (shape NameType: min 1, max 512; its documentation: "ASCII letters, numbers, and the following
   * characters: /_+=.@-"). botocore 1.43.11 data/secretsmanager/2017-10-17/service-2.json, read
   * 2026-12-02.
   */
  static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9/_+=.@-]+");

  static final int MAX_NAME_LENGTH = 512;

  public static SecretsSettings preset(Environment env) {
    return new SecretsSettings(Map.of());
  }

  /**
   * The Secrets Manager name of the application secret {@code name}, as data/Secrets composes it
   * ({@code plinth/<env>/app-<name>}); SecretsSettingsTest plans a stack and checks the two agree.
   */
  public static String secretName(Environment environment, String name) {
    return "plinth/" + environment.key() + "/app-" + name;
  }

  /**
   * The last part of the Pulumi resource name of the application secret {@code name}, as
   * data/Secrets derives it (lower case, {@code _} as {@code -}); SecretsSettingsTest checks it
   * against a plan.
   */
  public static String resourceSuffix(String name) {
    return ("app-" + name).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Each name must make a secret name Secrets Manager accepts, prefix included, and a resource name
   * of its own (Pulumi refuses two resources with one URN).
   */
  public static List<ConfigProblem> validate(SecretsSettings secrets, Environment environment) {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, String> bySuffix = new TreeMap<>();
    new TreeSet<>(secrets.app().keySet())
        .forEach(
            name -> {
              String other = bySuffix.putIfAbsent(resourceSuffix(name), name);
              if (other != null) {
                problems.add(
                    new ConfigProblem(
                        KEY + "." + name,
                        KEY
                            + "."
                            + name
                            + " and "
                            + KEY
                            + "."
                            + other
                            + " differ only in case or in _ against -, and Plinth names both"
                            + " resources "
                            + resourceSuffix(name)
                            + ": Pulumi refuses two resources of one name; rename one"));
              }
            });
    secrets
        .app()
        .keySet()
        .forEach(
            name -> {
              String key = KEY + "." + name;
              if (!NAME_CHARACTERS.matcher(name).matches()) {
                TreeSet<String> refused = new TreeSet<>();
                name.codePoints()
                    .mapToObj(Character::toString)
                    .filter(c -> !NAME_CHARACTERS.matcher(c).matches())
                    .forEach(c -> refused.add("'" + c + "'"));
                problems.add(
                    ConfigProblem.of(
                        key,
                        "must be a name Secrets Manager accepts (CreateSecret Name): ASCII letters,"
                            + " digits and / _ + = . @ -"
                            + (refused.isEmpty() ? "" : ", not " + String.join(" ", refused))
                            + "; e.g. STRIPE_API_KEY",
                        name));
                return;
              }
              String full = secretName(environment, name);
              if (full.length() > MAX_NAME_LENGTH) {
                problems.add(
                    ConfigProblem.of(
                        key,
                        "is too long: Plinth names the secret "
                            + secretName(environment, "")
                            + "<name>, and Secrets Manager accepts names of at most "
                            + MAX_NAME_LENGTH
                            + " characters (CreateSecret Name), so the name may have "
                            + (MAX_NAME_LENGTH - secretName(environment, "").length())
                            + " at most",
                        name.length() + " characters"));
              }
            });
    return problems;
  }
}
