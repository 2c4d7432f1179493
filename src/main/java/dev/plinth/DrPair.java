package dev.plinth;

import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.DrSettings;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a disaster-recovery pair, which read the other stack's file: a standby's primary
 * must exist, load, be a primary in another region of the same environment and name this stack as
 * its standby; a primary's standby must name it back. Both stacks' files are read through the same
 * loader as any stack ({@link Checks#loadAlone}), without this check (it would read back the first
 * stack). Also the stack name check: a stack's name is part of its physical names.
 */
public final class DrPair {
  private DrPair() {}

  /**
   * The longest stack name whose physical names AWS accepts. The tightest is the S3 bucket prefix:
   * at most 37 characters (pulumi-aws 6.83.0 BucketV2Args.bucketPrefix: "Must be lowercase and less
   * than or equal to 37 characters"), and the longest Plinth gives is {@code
   * plinth-<stack>-access-logs-dr-} (23 characters besides the stack). The next tightest, the
   * ElastiCache replication group id (1 to 40 characters, elasticache 2015-02-02
   * CreateReplicationGroup ReplicationGroupId), auto-named {@code <stack>-cache-redis-<7>}, allows
   * 20.
   */
  public static final int MAX_STACK_NAME = 37 - "plinth--access-logs-dr-".length();

  /**
   * What every name the stack's name enters accepts: lower-case (S3 bucket names), a letter first,
   * letters, digits and single hyphens, no hyphen last (elasticache 2015-02-02
   * CreateReplicationGroup ReplicationGroupId and rds 2014-10-31 CreateDBInstance
   * DBInstanceIdentifier: "First character must be a letter", "Can't end with a hyphen or contain
   * two consecutive hyphens"). Pulumi itself also allows '.' and '_', which these refuse.
   */
  static final Pattern STACK_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** The stack's name makes physical names: short, and only characters they all accept. */
  public static final ConfigCheck STACK_NAME_CHECK =
      config -> {
        String stack = config.stack();
        if (stack.length() <= MAX_STACK_NAME && STACK_NAME.matcher(stack).matches()) {
          return List.of();
        }
        return List.of(
            ConfigProblem.of(
                "stack name",
                "must be at most "
                    + MAX_STACK_NAME
                    + " characters, lower-case letters, digits and single hyphens, starting with a"
                    + " letter and not ending with a hyphen: Plinth's physical names carry it (S3"
                    + " bucket prefixes of at most 37 characters, ElastiCache and RDS identifiers)",
                stack));
      };

  /**
   * Global datastores: R5, R6g, R6gd, M5, M6g node types or newer, not burstable ones (ElastiCache
   * User Guide, "Prerequisites and limitations" of global datastores, read 2026-12-02).
   */
  static final Pattern GLOBAL_NODE_TYPE = Pattern.compile("cache\\.(m|r)([5-9])[a-z]*\\.[0-9a-z]+");

  /**
   * The regions where ElastiCache offers global datastores (same page, read 2026-12-02), those of
   * {@code AwsRegions} outside China and GovCloud.
   */
  static final Set<String> GLOBAL_REGIONS =
      Set.of(
          "ap-northeast-2",
          "ap-northeast-1",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-south-1",
          "ap-northeast-3",
          "eu-central-1",
          "eu-west-3",
          "eu-west-2",
          "eu-west-1",
          "eu-north-1",
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "sa-east-1",
          "ca-central-1");

  /**
   * The pair's checks, reading the other stack's file from the working directory: under {@code
   * pulumi up} the engine runs the program in the project directory, where the stack files are. A
   * stack read from a file is checked with {@link #beside} instead ({@link Checks#load(Path,
   * String)}).
   */
  public static final ConfigCheck CHECK = config -> check(config, Path.of(""));

  /**
   * The pair's checks reading the other stack's file from {@code directory}: the directory the
   * checked stack's own file was read from, so that a stack file planned from elsewhere ({@code
   * plan --config}, {@code plan --all} in another directory, a test's copy) is paired with the
   * stack files beside it, not with those of the working directory.
   */
  public static ConfigCheck beside(Path directory) {
    return config -> check(config, directory);
  }

  /** The pair's checks, with the stack files in {@code project}. */
  public static List<ConfigProblem> check(PlatformConfig config, Path project) {
    DrSettings dr = config.dr();
    List<ConfigProblem> problems = new ArrayList<>();
    if (dr.standby() && dr.primaryStack() != null && !dr.primaryStack().isBlank()) {
      other(project, dr.primaryStack(), "plinth:dr.primaryStack", problems)
          .ifPresent(primary -> standbyOf(config, primary, problems));
    } else if (!dr.standby() && dr.standbyStack() != null) {
      other(project, dr.standbyStack(), "plinth:dr.standbyStack", problems)
          .ifPresent(standby -> primaryOf(config, standby, problems));
    }
    return problems;
  }

  /** The other stack's configuration, or a problem on {@code key} saying why there is none. */
  private static Optional<PlatformConfig> other(
      Path project, String stack, String key, List<ConfigProblem> problems) {
    Path file = project.resolve("Pulumi." + stack + ".yaml");
    if (!STACK_NAME.matcher(stack).matches() || !Files.isRegularFile(file)) {
      problems.add(
          ConfigProblem.of(
              key, "must name a stack of this project: there is no stack file " + file, stack));
      return Optional.empty();
    }
    try {
      return Optional.of(Checks.loadAlone(RawConfig.fromStackFile(file), stack));
    } catch (ConfigException e) {
      problems.add(
          ConfigProblem.of(
              key,
              "names a stack whose file " + file + " does not load: " + e.problems().get(0),
              stack));
    } catch (IOException e) {
      problems.add(ConfigProblem.of(key, "names a stack whose file cannot be read: " + e, stack));
    }
    return Optional.empty();
  }

  private static void standbyOf(
      PlatformConfig standby, PlatformConfig primary, List<ConfigProblem> problems) {
    String key = "plinth:dr.primaryStack";
    String name = primary.stack();
    if (primary.dr().standby()) {
      problems.add(
          ConfigProblem.of(
              key,
              "must name a primary: " + name + " is itself a standby (a standby of a standby)",
              name));
      return;
    }
    if (!standby.stack().equals(primary.dr().standbyStack())) {
      problems.add(
          ConfigProblem.of(
              key,
              "names "
                  + name
                  + ", whose plinth:dr.standbyStack is "
                  + primary.dr().standbyStack()
                  + ", not "
                  + standby.stack()
                  + ": set it there so that the pair is known from both sides",
              name));
    }
    if (primary.environment() != standby.environment()) {
      problems.add(
          ConfigProblem.of(
              "plinth:environment",
              "must be the primary's (" + primary.environment().key() + ", stack " + name + ")",
              standby.environment().key()));
    }
    if (primary.region().equals(standby.region())) {
      problems.add(
          ConfigProblem.of(
              "aws:region",
              "must differ from the primary's region ("
                  + name
                  + " is in "
                  + primary.region()
                  + "): a standby in the same region is lost with it",
              standby.region()));
    }
    backToThePrimary(standby, primary, problems);
    sameCache(standby, primary, problems);
    sameCdn(standby, primary, problems);
    globalDatastore(primary, standby, problems);
  }

  /** A standby replicates nothing into its primary's region (the region it stands in for). */
  private static void backToThePrimary(
      PlatformConfig standby, PlatformConfig primary, List<ConfigProblem> problems) {
    if (!standby.backups().drRegion().equals(primary.region())) {
      return;
    }
    String why =
        "must be false on a standby whose plinth:backups.drRegion is its primary's region ("
            + primary.region()
            + "): a standby creates nothing in the region it stands in for";
    if (standby.backups().crossRegion()) {
      problems.add(ConfigProblem.of("plinth:backups.crossRegion", why, true));
    }
    if (standby.database().crossRegionBackupReplication()) {
      problems.add(ConfigProblem.of("plinth:database.crossRegionBackupReplication", why, true));
    }
  }

  private static void primaryOf(
      PlatformConfig primary, PlatformConfig standby, List<ConfigProblem> problems) {
    String name = standby.stack();
    if (!standby.dr().standby() || !primary.stack().equals(standby.dr().primaryStack())) {
      problems.add(
          ConfigProblem.of(
              "plinth:dr.standbyStack",
              "must name this stack's standby: "
                  + name
                  + " has plinth:dr.role "
                  + standby.dr().role().key()
                  + " and primaryStack "
                  + standby.dr().primaryStack()
                  + ", not standby of "
                  + primary.stack(),
              name));
      return;
    }
    sameCache(primary, standby, problems);
    sameCdn(primary, standby, problems);
    globalDatastore(primary, standby, problems);
  }

  /**
   * Both stacks of a pair say the same {@code plinth:dr.cache}: the primary creates the global
   * datastore that the standby's cache joins, so one without the other builds nothing to join (a
   * standby's secondary) or a datastore without a secondary (a primary's). {@code checked} is the
   * stack being loaded; the problem is on its key and names the other stack's value.
   */
  private static void sameCache(
      PlatformConfig checked, PlatformConfig other, List<ConfigProblem> problems) {
    if (checked.dr().cache() == other.dr().cache()) {
      return;
    }
    problems.add(
        ConfigProblem.of(
            "plinth:dr.cache",
            "must be the same on both stacks of the pair: "
                + otherSide(checked, other)
                + " has plinth:dr.cache "
                + other.dr().cache().key()
                + "; a global datastore needs the primary to create it and the standby to join it",
            checked.dr().cache().key()));
  }

  /** The other stack of the pair, as a message names it: {@code prod-dr (the standby of prod)}. */
  private static String otherSide(PlatformConfig checked, PlatformConfig other) {
    return other.stack()
        + " (the "
        + (other.dr().standby() ? "standby" : "primary")
        + " of "
        + checked.stack()
        + ")";
  }

  /**
   * Both stacks of a pair say the same {@code plinth:edge.cdn.enabled} and {@code
   * plinth:edge.domain}: the primary's distribution sends the domain's requests to the pair's
   * origin record, whose standby half must be a load balancer that admits CloudFront and knows the
   * origin header; a standby behind CloudFront without the primary's distribution would serve
   * nothing, and a standby open to the internet behind the primary's would be a way around it.
   */
  private static void sameCdn(
      PlatformConfig checked, PlatformConfig other, List<ConfigProblem> problems) {
    boolean on = checked.edge().cdn().enabled();
    if (on != other.edge().cdn().enabled()) {
      problems.add(
          ConfigProblem.of(
              "plinth:edge.cdn.enabled",
              "must be the same on both stacks of the pair: "
                  + otherSide(checked, other)
                  + " has "
                  + !on
                  + "; the primary's CloudFront distribution fronts both load balancers",
              on));
    } else if (on && !java.util.Objects.equals(checked.edge().domain(), other.edge().domain())) {
      problems.add(
          ConfigProblem.of(
              "plinth:edge.domain",
              "must be the same on both stacks of a pair behind a CDN: "
                  + other.stack()
                  + " serves "
                  + other.edge().domain()
                  + ", and the pair shares one distribution and one origin record",
              checked.edge().domain()));
    }
  }

  /**
   * A global datastore needs node types of the R5/M5 families or newer, the same on both sides, and
   * both regions among those that offer it. Checked from either stack of the pair, so that each
   * one's plan refuses what the other's would.
   */
  private static void globalDatastore(
      PlatformConfig primary, PlatformConfig standby, List<ConfigProblem> problems) {
    DrSettings dr = primary.dr();
    if (!primary.dr().globalDatastore() || !standby.dr().globalDatastore()) {
      return;
    }
    String key = "plinth:dr.cache";
    String nodeType = primary.cache().nodeType().toLowerCase(Locale.ROOT);
    if (!GLOBAL_NODE_TYPE.matcher(nodeType).matches()) {
      problems.add(
          ConfigProblem.of(
              key,
              "cannot be globalDatastore with the primary's plinth:cache.nodeType "
                  + nodeType
                  + ": global datastores take R5, R6g, R6gd, M5, M6g node types or newer, not"
                  + " burstable (T) ones (ElastiCache User Guide, global datastores, prerequisites)",
              dr.cache().key()));
    }
    if (!nodeType.equals(standby.cache().nodeType().toLowerCase(Locale.ROOT))
        || primary.cache().shards() != standby.cache().shards()
        || primary.cache().engine() != standby.cache().engine()
        || !primary.cache().engineVersion().equals(standby.cache().engineVersion())) {
      problems.add(
          ConfigProblem.of(
              key,
              "needs plinth:cache.nodeType, shards, engine and engineVersion equal on both stacks"
                  + " (the primary "
                  + primary.stack()
                  + " has "
                  + nodeType
                  + ", "
                  + primary.cache().shards()
                  + ", "
                  + primary.cache().engine().key()
                  + " "
                  + primary.cache().engineVersion()
                  + "): every cluster of a global datastore has the same (same page); the"
                  + " secondary inherits them from the primary, and the plan prices and watches"
                  + " it by the standby's own settings",
              dr.cache().key()));
    }
    for (String region : List.of(primary.region(), standby.region())) {
      if (!GLOBAL_REGIONS.contains(region)) {
        problems.add(
            ConfigProblem.of(
                key,
                "cannot be globalDatastore: ElastiCache offers no global datastore in " + region,
                dr.cache().key()));
      }
    }
  }
}
