package dev.plinth.config;

import java.util.Map;

/**
 * Secret values the application needs that no AWS service generates ({@code plinth:secrets}), e.g.
 * seed 004's third-party API keys. Set them with {@code pulumi config set --secret --path
 * 'plinth:secrets.app.OPENAI_API_KEY'}; they are never shown (the plan prints {@code [secret]}).
 *
 * @param app secret name to value; empty by default
 */
public record SecretsSettings(Map<String, Secret> app) {

  public static SecretsSettings preset(Environment env) {
    return new SecretsSettings(Map.of());
  }
}
