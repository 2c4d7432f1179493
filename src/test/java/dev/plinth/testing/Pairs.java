package dev.plinth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Checks;
import dev.plinth.config.PlatformConfig;
import dev.plinth.plan.Recorder;
import dev.plinth.plan.ResourceGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Disaster-recovery pairs for tests: copies of the real prod and prod-dr stack files in a
 * directory, changed as a test needs, planned the way {@code plan --config} plans them (each
 * checked against the other file beside it).
 */
public final class Pairs {
  private Pairs() {}

  /** The line of Pulumi.prod.yaml that names its standby, after which the primary's settings go. */
  static final String STANDBY_LINE = "    standbyStack: prod-dr\n";

  /** The line of Pulumi.prod-dr.yaml that sets its cache. */
  static final String COLD_LINE = "    cache: cold\n";

  /**
   * Writes prod and prod-dr into {@code dir} with {@code plinth:dr.cache} set to {@code
   * primaryCache} and {@code standbyCache}.
   */
  public static Path write(Path dir, String primaryCache, String standbyCache) {
    try {
      String prod = Files.readString(Path.of("Pulumi.prod.yaml"));
      String standby = Files.readString(Path.of("Pulumi.prod-dr.yaml"));
      assertThat(prod).as("Pulumi.prod.yaml").contains(STANDBY_LINE);
      assertThat(standby).as("Pulumi.prod-dr.yaml").contains(COLD_LINE);
      Files.writeString(
          dir.resolve("Pulumi.prod.yaml"),
          prod.replace(STANDBY_LINE, STANDBY_LINE + "    cache: " + primaryCache + "\n"));
      Files.writeString(
          dir.resolve("Pulumi.prod-dr.yaml"),
          standby.replace(COLD_LINE, "    cache: " + standbyCache + "\n"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the pair with a global datastore on both sides. */
  public static Path globalDatastore(Path dir) {
    return write(dir, "globalDatastore", "globalDatastore");
  }

  /**
   * A stack of the pair in {@code dir}, loaded with every check, the pair's against the file
   * beside.
   */
  public static PlatformConfig config(Path dir, String stack) {
    try {
      return Checks.load(dir.resolve("Pulumi." + stack + ".yaml"), stack);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The plan of a stack of the pair in {@code dir} (a standby's primary planned from beside it).
   */
  public static ResourceGraph plan(Path dir, String stack) {
    return Recorder.plan(config(dir, stack), dir);
  }
}
