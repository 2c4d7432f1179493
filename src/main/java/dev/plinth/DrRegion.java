package dev.plinth;

import com.pulumi.aws.Provider;
import java.util.function.Supplier;

/**
 * The disaster-recovery region ({@code plinth:backups.drRegion}) and the AWS provider that creates
 * resources there: the backups' replica bucket and vault, the database's replicated automated
 * backups and their key. The provider is registered when a component first asks for it, so a stack
 * that replicates nothing (a standby, whose DR region is its primary's) has no provider for that
 * region at all (issue 17: a standby creates nothing in its primary's region).
 */
public final class DrRegion {
  private final String region;
  private final Supplier<Provider> factory;
  private Provider provider;

  /** A DR region whose provider exists already. */
  public DrRegion(String region, Provider provider) {
    this(region, () -> provider);
  }

  private DrRegion(String region, Supplier<Provider> factory) {
    this.region = region;
    this.factory = factory;
  }

  /** A DR region whose provider {@code factory} registers on first use only. */
  public static DrRegion onFirstUse(String region, Supplier<Provider> factory) {
    return new DrRegion(region, factory);
  }

  public String region() {
    return region;
  }

  /** The provider of the DR region, registered now if this is its first use. */
  public synchronized Provider provider() {
    if (provider == null) {
      provider = factory.get();
    }
    return provider;
  }
}
