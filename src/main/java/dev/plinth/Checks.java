package dev.plinth;

import dev.plinth.access.ClientVpnValidation;
import dev.plinth.compute.ClusterValidation;
import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigLoader;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import dev.plinth.config.SettingsChecks;
import dev.plinth.data.CacheValidation;
import dev.plinth.data.DatabaseValidation;
import dev.plinth.edge.CdnValidation;
import dev.plinth.edge.EdgeValidation;
import dev.plinth.network.NetworkValidation;
import dev.plinth.schedule.OfficeHoursValidation;
import dev.plinth.search.SearchValidation;
import dev.plinth.workloads.WorkloadValidation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every configuration check, in one list, and the one way to load a stack's configuration with
 * them. The config package knows no component; each component package provides the checks of its
 * own settings, and this class, on the composition side, puts them together. Main, the plan command
 * and the tests all load through {@link #load}, so they all run the same checks.
 */
public final class Checks {
  private Checks() {}

  /**
   * All checks, in the order their problems are reported when two name the same key (the loader
   * sorts problems by key, keeping this order among equal keys). ArchitectureTest fails when a
   * public {@link ConfigCheck} constant is missing here.
   */
  public static final List<ConfigCheck> ALL =
      List.of(
          SettingsChecks.DR_REGION,
          NetworkValidation.CHECK,
          ClusterValidation.CHECK,
          EdgeValidation.CHECK,
          CdnValidation.CHECK,
          WorkloadValidation.CHECK,
          SettingsChecks.OBSERVABILITY,
          SettingsChecks.COST,
          SettingsChecks.ACCOUNT,
          SettingsChecks.QUOTAS,
          ClusterValidation.REPOSITORY_NAMES,
          SettingsChecks.SECRETS,
          SettingsChecks.DR,
          DatabaseValidation.CHECK,
          DatabaseValidation.STANDBY_PROXY,
          CacheValidation.CHECK,
          OfficeHoursValidation.CHECK,
          SettingsChecks.CAPACITY,
          SettingsChecks.ACCESS,
          ClientVpnValidation.CHECK,
          SearchValidation.CHECK,
          DrPair.STACK_NAME_CHECK,
          DrPair.CHECK);

  /**
   * Loads and validates a stack's configuration with {@link #ALL}; throws {@link
   * dev.plinth.config.ConfigException} listing every problem.
   */
  public static PlatformConfig load(RawConfig raw, String stack) {
    return ConfigLoader.load(raw, stack, ALL);
  }

  /**
   * Reads a stack file and validates it as {@link #load(RawConfig, String)} does, except that the
   * pair's check reads the other stack's file from the directory of {@code stackFile} ({@link
   * DrPair#beside}); throws {@link dev.plinth.config.ConfigException} listing every problem.
   */
  public static PlatformConfig load(Path stackFile, String stack) throws IOException {
    List<ConfigCheck> checks =
        ALL.stream()
            .map(check -> check == DrPair.CHECK ? DrPair.beside(directoryOf(stackFile)) : check)
            .toList();
    return ConfigLoader.load(RawConfig.fromStackFile(stackFile), stack, checks);
  }

  /** The directory a stack file is in: the working directory (the empty path) for a bare name. */
  public static Path directoryOf(Path stackFile) {
    Path parent = stackFile.getParent();
    return parent == null ? Path.of("") : parent;
  }

  /**
   * Loads another stack of a disaster-recovery pair: every check of {@link #ALL} but the pair's own
   * ({@link DrPair#CHECK}), which would read back the stack that asked.
   */
  public static PlatformConfig loadAlone(RawConfig raw, String stack) {
    return ConfigLoader.load(
        raw, stack, ALL.stream().filter(check -> check != DrPair.CHECK).toList());
  }
}
