package dev.plinth.recovery;

import dev.plinth.Checks;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the other half of a stack's disaster-recovery pair among the project's stack files ({@code
 * Pulumi.<stack>.yaml} beside the planned one) and reports the pair: a primary reads the standby it
 * names ({@code plinth:dr.standbyStack}), a standby its primary ({@code plinth:dr.primaryStack}). A
 * stack in no pair has no report.
 */
public final class RecoveryPair {
  private RecoveryPair() {}

  /**
   * The report of the pair {@code self} belongs to, reading the other stack's file from {@code
   * directory}; empty when {@code self} is in no pair.
   */
  public static Optional<RecoveryReport> report(
      PlatformConfig self, Path directory, RecoveryFigures figures) {
    var dr = self.dr();
    if (dr.standby()) {
      String primary = dr.primaryStack();
      return Optional.of(
          load(directory, primary)
              .map(p -> RecoveryModel.report(p, self, figures))
              .orElseGet(() -> unreadable(directory, primary, self.stack(), primary, "primary")));
    }
    if (dr.standbyStack() == null) {
      return Optional.empty();
    }
    String standby = dr.standbyStack();
    return Optional.of(
        load(directory, standby)
            .map(s -> RecoveryModel.report(self, s, figures))
            .orElseGet(() -> unreadable(directory, self.stack(), standby, standby, "standby")));
  }

  private static Optional<PlatformConfig> load(Path directory, String stack) {
    Path file = file(directory, stack);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      // Without the pair's own check, which the planned stack has passed from its side: the
      // working directory's files (Checks.load's) may not be this pair's.
      return Optional.of(Checks.loadAlone(RawConfig.fromStackFile(file), stack));
    } catch (ConfigException | IOException e) {
      return Optional.empty();
    }
  }

  private static Path file(Path directory, String stack) {
    return directory.resolve("Pulumi." + stack + ".yaml");
  }

  /** Why the other stack could not be read: absent, or what its checks say. */
  private static RecoveryReport unreadable(
      Path directory, String primary, String standby, String other, String role) {
    Path file = file(directory, other);
    String why;
    if (!Files.isRegularFile(file)) {
      why =
          "the "
              + role
              + "'s stack file "
              + file.getFileName()
              + " is not in the project: no recovery figures until it exists"
              + (role.equals("standby")
                  ? " (without a standby, a region loss misses every target)"
                  : "");
    } else {
      why =
          "the "
              + role
              + "'s stack file "
              + file.getFileName()
              + " does not load: "
              + reason(file, other);
    }
    return RecoveryReport.unreadable(primary, standby, why);
  }

  private static String reason(Path file, String stack) {
    try {
      Checks.loadAlone(RawConfig.fromStackFile(file), stack);
      return "unknown";
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::message).collect(Collectors.joining("; "));
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
