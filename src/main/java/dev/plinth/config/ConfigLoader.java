package dev.plinth.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link RawConfig} (from the engine or from a stack file) into a validated {@link
 * PlatformConfig}: the environment's preset, the stack's overrides on top, then every check it is
 * given. All problems are reported together in a {@link ConfigException}; nothing is registered
 * before this succeeds. The checks come from the caller (the composition side lists them, each
 * component providing its own), so this package depends on no component.
 */
public final class ConfigLoader {
  static final String PREFIX = PlatformConfig.NAMESPACE + ":";
  static final String ENVIRONMENT = "environment";
  static final String REGION_KEY = "aws:region";
  static final String TIER = "tier";
  static final String CAPACITY = "capacity";
  static final String DR = "dr";

  /** Sections of {@link PlatformConfig} that a stack file can set, by key. */
  private static final Set<String> NOT_SECTIONS = Set.of("stack", "region", ENVIRONMENT);

  private ConfigLoader() {}

  /**
   * Loads and runs {@code checks} in their order; throws {@link ConfigException} listing every
   * problem, sorted by key.
   */
  public static PlatformConfig load(RawConfig raw, String stack, List<ConfigCheck> checks) {
    Binder binder = new Binder();
    raw.fileProblems().forEach(binder::cause);
    String region = region(raw, binder);
    Environment environment = environment(raw, binder);

    Map<String, RecordComponent> sections = new LinkedHashMap<>();
    for (RecordComponent c : PlatformConfig.class.getRecordComponents()) {
      if (!NOT_SECTIONS.contains(c.getName())) {
        sections.put(c.getName(), c);
      }
    }
    List<String> known = new ArrayList<>(sections.keySet());
    known.add(ENVIRONMENT);

    Map<String, Object> bound = new LinkedHashMap<>();
    PlatformConfig preset =
        tiered(
            raw,
            binder,
            roled(
                raw,
                binder,
                PlatformConfig.preset(
                    stack, environment == null ? Environment.DEV : environment, region),
                bound),
            bound);
    // The sections the stack sets: an unknown key is not a misspelling of one of these.
    List<String> written =
        raw.values().keySet().stream()
            .filter(k -> k.startsWith(PREFIX))
            .map(k -> k.substring(PREFIX.length()))
            .toList();
    raw.values()
        .forEach(
            (key, value) -> {
              if (key.startsWith("aws:") && !key.equals(REGION_KEY)) {
                binder.problem(
                    key,
                    "is not read: Plinth configures its AWS provider itself from aws:region; give"
                        + " credentials and profiles through the environment (AWS_PROFILE, OIDC)",
                    value.isTextual() ? value.asText() : value);
              }
              if (!key.startsWith(PREFIX)) {
                return;
              }
              String name = key.substring(PREFIX.length());
              if (name.equals(ENVIRONMENT)
                  || name.equals(TIER)
                  || name.equals(CAPACITY)
                  || name.equals(DR)) {
                return;
              }
              RecordComponent section = sections.get(name);
              if (section == null) {
                String head = name.split("[.\\[]", 2)[0];
                if (!head.equals(name) && sections.containsKey(head)) {
                  binder.cause(flatKey(key, head, value));
                } else {
                  binder.unknownKey(key, name, known, PREFIX, written);
                }
                return;
              }
              bound.put(
                  name,
                  binder.bindValue(
                      section.getGenericType(), value, accessor(section, preset), key));
            });

    PlatformConfig config = assemble(preset, environment, bound);

    List<ConfigProblem> problems = new ArrayList<>(binder.problems());
    if (environment != null) {
      binder.withOversized(validate(config, checks)).stream()
          .filter(p -> !binder.follows(p))
          .forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(ConfigProblem::key));
      throw new ConfigException(problems);
    }
    return config;
  }

  /**
   * A key such as {@code plinth:edge.httpOnly} written as one flat key: {@code pulumi config set}
   * without {@code --path} writes the dotted name literally, while Plinth's settings nest under
   * their section. Secret values are never shown.
   */
  private static ConfigProblem flatKey(String key, String section, JsonNode value) {
    boolean secret = section.equals("secrets");
    String shown =
        secret || !value.isValueNode()
            ? "<value>"
            : value.asText().matches("[A-Za-z0-9._:/@+=-]+")
                ? value.asText()
                : "'" + value.asText().replace("'", "'\\''") + "'";
    return new ConfigProblem(
        key,
        key
            + " is one flat key, but Plinth's settings nest under "
            + PREFIX
            + section
            + ": write it there in the stack file, or run `pulumi config set "
            + (secret ? "--secret " : "")
            + "--path '"
            + key
            + "' "
            + shown
            + "` (with --path, Pulumi nests it) and remove the flat key");
  }

  /**
   * {@code plinth:dr}, bound before the other sections: a standby's preset differs from its
   * environment's ({@link PlatformConfig#forRole}), and the stack file's sections are bound onto
   * the preset of its role.
   */
  private static PlatformConfig roled(
      RawConfig raw, Binder binder, PlatformConfig preset, Map<String, Object> bound) {
    JsonNode drNode = raw.values().get(PREFIX + DR);
    DrSettings dr =
        drNode == null
            ? preset.dr()
            : (DrSettings) binder.bindValue(DrSettings.class, drNode, preset.dr(), PREFIX + DR);
    if (dr == null) {
      return preset;
    }
    bound.put(DR, dr);
    return preset.forRole(dr);
  }

  /**
   * {@code plinth:tier} and {@code plinth:capacity}, bound before the other sections: the stack's
   * tier ({@link Tier#resolve}: the one written, else the one the load needs, else the
   * environment's) is laid over the preset ({@link Tier#overlay}), and the stack file's other
   * sections are then bound onto that, so they override the tier's sizes as they would a preset's.
   */
  private static PlatformConfig tiered(
      RawConfig raw, Binder binder, PlatformConfig preset, Map<String, Object> bound) {
    JsonNode tierNode = raw.values().get(PREFIX + TIER);
    JsonNode capacityNode = raw.values().get(PREFIX + CAPACITY);
    Tier written =
        tierNode == null
            ? null
            : (Tier) binder.bindValue(Tier.class, tierNode, null, PREFIX + TIER);
    CapacitySettings capacity =
        capacityNode == null
            ? preset.capacity()
            : (CapacitySettings)
                binder.bindValue(
                    CapacitySettings.class, capacityNode, preset.capacity(), PREFIX + CAPACITY);
    Tier.Resolution resolved =
        Tier.resolve(written, Math.max(0, capacity.concurrentUsers()), preset.tier());
    resolved.problem().ifPresent(binder::cause);
    bound.put(TIER, resolved.tier());
    bound.put(CAPACITY, capacity);
    return Tier.overlay(preset, resolved.tier(), capacity);
  }

  /** Every check's problems, in the order of the checks. */
  private static List<ConfigProblem> validate(PlatformConfig config, List<ConfigCheck> checks) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigCheck check : checks) {
      problems.addAll(check.check(config));
    }
    return problems;
  }

  /** The preset with each bound section in place of the preset's. */
  private static PlatformConfig assemble(
      PlatformConfig preset, Environment environment, Map<String, Object> bound) {
    RecordComponent[] components = PlatformConfig.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      values[i] =
          c.getName().equals(ENVIRONMENT)
              ? environment
              : bound.getOrDefault(c.getName(), accessor(c, preset));
    }
    try {
      return PlatformConfig.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot assemble PlatformConfig", e);
    }
  }

  private static Object accessor(RecordComponent c, Object target) {
    try {
      return c.getAccessor().invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String region(RawConfig raw, Binder binder) {
    JsonNode node = raw.values().get(REGION_KEY);
    if (node == null) {
      binder
          .problems()
          .add(
              new ConfigProblem(
                  REGION_KEY,
                  REGION_KEY + " is required: the AWS region of this stack, e.g. us-east-1"));
      return null;
    }
    var problem = AwsRegions.check(REGION_KEY, node);
    if (problem.isPresent()) {
      binder.problems().add(problem.get());
      return null;
    }
    return node.asText();
  }

  private static Environment environment(RawConfig raw, Binder binder) {
    String key = PREFIX + ENVIRONMENT;
    JsonNode node = raw.values().get(key);
    if (node == null) {
      binder
          .problems()
          .add(
              new ConfigProblem(
                  key,
                  key
                      + " is required: one of "
                      + String.join(", ", Environment.keys())
                      + " (it picks the preset of defaults)"));
      return null;
    }
    return (Environment) binder.bindValue(Environment.class, node, null, key);
  }
}
