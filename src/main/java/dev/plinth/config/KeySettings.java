package dev.plinth.config;

/**
 * The stack's customer-managed KMS keys ({@code plinth:keys}).
 *
 * @param layout {@code perDomain}: one key per data domain (logs, database, cache, secrets, backup,
 *     cluster, alerts, audit), each policy naming only its own service, so that one domain can be
 *     audited or revoked alone; {@code shared}: one key for every domain, whose policy is the union
 *     of the domains' statements, at $1 a month instead of 8 (the price table's kms.key). {@code
 *     shared} in dev (issue 16: dev within its $200 budget; dev's data is disposable and one team
 *     reads it), {@code perDomain} in staging and prod (staging meets its budget without it and
 *     mirrors prod). Every domain keeps its alias ({@code alias/plinth/<env>/<domain>}), pointing
 *     at the shared key. Changing the layout of a deployed stack changes every encrypted resource's
 *     key, which replaces the database, the cache and the cluster: choose it before the first
 *     {@code pulumi up}
 */
public record KeySettings(KeyLayout layout) {

  /** One key per domain, or one key shared by all. */
  public enum KeyLayout implements Keyed {
    PER_DOMAIN("perDomain"),
    SHARED("shared");

    private final String key;

    KeyLayout(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  public static KeySettings preset(Environment env) {
    return new KeySettings(env == Environment.DEV ? KeyLayout.SHARED : KeyLayout.PER_DOMAIN);
  }
}
