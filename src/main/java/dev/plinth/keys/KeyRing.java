package dev.plinth.keys;

import com.pulumi.core.Output;
import java.util.EnumMap;
import java.util.Map;

/**
 * The handle to the stack's KMS keys, by domain: what a component that encrypts something takes
 * (the database its storage key, the cluster its secrets key) instead of loose ARNs. Tests build
 * one with {@link #of} from {@code Output.of(...)} ARNs.
 */
public record KeyRing(Map<KeyDomain, Output<String>> arns) {
  public KeyRing {
    arns = Map.copyOf(arns);
    for (KeyDomain domain : KeyDomain.values()) {
      if (domain.everyStack() && !arns.containsKey(domain)) {
        throw new IllegalArgumentException("a key ring needs a key for every domain: no " + domain);
      }
    }
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
}
