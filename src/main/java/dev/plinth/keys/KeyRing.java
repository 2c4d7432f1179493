package dev.plinth.keys;

import com.pulumi.core.Output;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The handle to the stack's KMS keys, by domain: what a component that encrypts something takes
 * (the database its storage key, the cluster its secrets key) instead of loose ARNs. Tests build
 * one with {@link #of} from {@code Output.of(...)} ARNs.
 *
 * <p>{@code drArns} are the keys of the disaster-recovery region ({@code plinth:backups.drRegion}),
 * for the domains whose data is copied there by the service that owns it (Secrets Manager's replica
 * secrets); empty where nothing replicates. A copy in another region must be encrypted with a key
 * of that region: KMS keys are regional.
 */
public record KeyRing(Map<KeyDomain, Output<String>> arns, Map<KeyDomain, Output<String>> drArns) {
  public KeyRing {
    arns = Map.copyOf(arns);
    drArns = Map.copyOf(drArns);
    for (KeyDomain domain : KeyDomain.values()) {
      if (domain.everyStack() && !arns.containsKey(domain)) {
        throw new IllegalArgumentException("a key ring needs a key for every domain: no " + domain);
      }
    }
  }

  /** A ring of the home region's keys only (nothing replicates to the DR region). */
  public KeyRing(Map<KeyDomain, Output<String>> arns) {
    this(arns, Map.of());
  }

  /** A ring of the ARNs a function gives each domain (for tests and hand-made handles). */
  public static KeyRing of(java.util.function.Function<KeyDomain, Output<String>> arn) {
    Map<KeyDomain, Output<String>> arns = new EnumMap<>(KeyDomain.class);
    for (KeyDomain domain : KeyDomain.values()) {
      if (domain.everyStack()) {
        arns.put(domain, arn.apply(domain));
      }
    }
    return new KeyRing(arns);
  }

  /** The same ring with a domain's key in the disaster-recovery region. */
  public KeyRing withDrKey(KeyDomain domain, Output<String> arn) {
    Map<KeyDomain, Output<String>> dr = new EnumMap<>(KeyDomain.class);
    dr.putAll(drArns);
    dr.put(domain, arn);
    return new KeyRing(arns, dr);
  }

  /**
   * The ARN of a domain's key; refused for a domain whose optional component makes its own key
   * ({@link KeyDomain#everyStack()} false), which the ring does not hold.
   */
  public Output<String> arn(KeyDomain domain) {
    Output<String> arn = arns.get(domain);
    if (arn == null) {
      throw new IllegalArgumentException(
          "the key ring has no " + domain + " key: its component creates its own");
    }
    return arn;
  }

  /** The ARN of a domain's key in the disaster-recovery region, where there is one. */
  public Optional<Output<String>> drArn(KeyDomain domain) {
    return Optional.ofNullable(drArns.get(domain));
  }
}
