package dev.plinth.config;

import java.util.Objects;

/**
 * A setting whose value must never be shown. Under the Pulumi engine the value is the decrypted
 * plaintext; offline (the plan) a {@code secure:} value cannot be decrypted, so its ciphertext
 * stands in for it. Either way it is only ever handed to resources through {@code Output.ofSecret},
 * and it prints as {@code [secret]}.
 */
public final class Secret {
  public static final String MASK = "[secret]";

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The value, for {@code Output.ofSecret} only. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
