package dev.plinth.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** The inputs of {@link RandomPassword} that Plinth sets. */
public final class RandomPasswordArgs extends ResourceArgs {
  @Import(name = "length", required = true)
  private final Output<Integer> length;

  @Import(name = "special")
  private final Output<Boolean> special;

  @Import(name = "overrideSpecial")
  private final Output<String> overrideSpecial;

  /**
   * @param length number of characters
   * @param overrideSpecial the special characters allowed; {@code null} for letters and digits only
   */
  public RandomPasswordArgs(int length, String overrideSpecial) {
    this.length = Output.of(length);
    this.special = Output.of(overrideSpecial != null);
    this.overrideSpecial = overrideSpecial == null ? null : Output.of(overrideSpecial);
  }
}
