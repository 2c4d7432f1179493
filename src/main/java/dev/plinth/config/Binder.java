package dev.plinth.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Binds a stack's JSON values onto typed settings records, starting from the preset's record: a key
 * the user set replaces the preset's value, a key left out keeps it. Every problem is collected (an
 * unknown key with a did-you-mean, a value of the wrong type) instead of stopping at the first, so
 * a user sees them all at once.
 *
 * <p>Hand-written because Jackson's record binding stops at the first error and knows nothing of
 * presets; Jackson still parses the YAML and JSON.
 */
final class Binder {
  private final List<ConfigProblem> problems = new ArrayList<>();

  /** Keys a user probably meant when they wrote an unknown one, and did not also set. */
  private final Set<String> meant = new HashSet<>();

  /**
   * Whole numbers beyond Java's int, by key: bound as the nearest int (so that the settings' own
   * range checks report them, "must be between A and B") and shown as written.
   */
  private final Map<String, String> oversized = new LinkedHashMap<>();

  List<ConfigProblem> problems() {
    return problems;
  }

  void problem(String key, String rule, Object value) {
    problems.add(ConfigProblem.of(key, rule, value));
  }

  /** A problem found before binding (e.g. in the stack file's text). */
  void cause(ConfigProblem problem) {
    problems.add(problem);
  }

  /**
   * Whether a problem found by validation only follows from one found while binding, and should not
   * be shown: a value that could not be bound leaves the preset's value in its place, and the
   * checks of that section would otherwise complain about a value the user never wrote (a type
   * error is reported, not the errors it causes downstream). It follows when its key is the unbound
   * key, lies under or above it, or its message names the unbound key.
   */
  boolean follows(ConfigProblem problem) {
    Set<String> causes = new HashSet<>(meant);
    problems.forEach(p -> causes.add(p.key()));
    for (String cause : causes) {
      if (related(problem.key(), cause) || mentions(problem.message(), cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean related(String a, String b) {
    return a.equals(b) || under(a, b) || under(b, a);
  }

  private static boolean under(String key, String parent) {
    return key.startsWith(parent + ".") || key.startsWith(parent + "[");
  }

  /** {@code message} names {@code key}, or a key under it, as a whole word. */
  static boolean mentions(String message, String key) {
    for (int i = message.indexOf(key); i >= 0; i = message.indexOf(key, i + 1)) {
      boolean startsWord =
          i == 0
              || !(Character.isLetterOrDigit(message.charAt(i - 1))
                  || message.charAt(i - 1) == ':');
      int end = i + key.length();
      boolean endsWord =
          end == message.length()
              || !(Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_');
      if (startsWord && endsWord) {
        return true;
      }
    }
    return false;
  }

  /**
   * A validation problem about an oversized whole number shows the number as written; an oversized
   * number that no check refused is refused here.
   */
  List<ConfigProblem> withOversized(List<ConfigProblem> found) {
    List<ConfigProblem> out = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (ConfigProblem p : found) {
      String written = oversized.get(p.key());
      if (written == null) {
        out.add(p);
        continue;
      }
      reported.add(p.key());
      String clamped = written.startsWith("-") ? "" + Integer.MIN_VALUE : "" + Integer.MAX_VALUE;
      String suffix = "(got " + clamped + ")";
      out.add(
          p.message().endsWith(suffix)
              ? new ConfigProblem(
                  p.key(),
                  p.message().substring(0, p.message().length() - suffix.length())
                      + "(got "
                      + written
                      + ")")
              : p);
    }
    oversized.forEach(
        (key, written) -> {
          if (!reported.contains(key)) {
            out.add(
                ConfigProblem.of(
                    key,
                    "must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE,
                    written));
          }
        });
    return out;
  }

  void unknownKey(String key, String name, Collection<String> known, String prefix) {
    unknownKey(key, name, known, prefix, Set.of());
  }

  /** {@code set}: the names set beside {@code name}, so not what it misspells. */
  void unknownKey(
      String key, String name, Collection<String> known, String prefix, Collection<String> set) {
    String message = key + " is not a setting Plinth knows";
    Optional<String> suggestion = suggest(name, known);
    if (suggestion.isPresent()) {
      message += "; did you mean " + prefix + suggestion.get() + "?";
      if (!set.contains(suggestion.get())) {
        meant.add(prefix + suggestion.get());
      }
    } else {
      message += "; known here: " + String.join(", ", new TreeSet<>(known));
    }
    problems.add(new ConfigProblem(key, message));
  }

  static Optional<String> suggest(String name, Collection<String> known) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return known.stream()
        .min(
            Comparator.comparingInt(
                k -> distance.apply(lower, k.toLowerCase(java.util.Locale.ROOT))))
        .filter(
            k ->
                distance.apply(lower, k.toLowerCase(java.util.Locale.ROOT))
                    <= Math.max(2, k.length() / 3));
  }

  /** Binds {@code node} (an object) onto {@code defaults}; {@code key} is the full key so far. */
  @SuppressWarnings("unchecked")
  <T extends Record> T bindRecord(Class<T> type, JsonNode node, T defaults, String key) {
    if (!node.isObject()) {
      problem(key, "must be a mapping of settings (" + String.join(", ", names(type)) + ")", node);
      return defaults;
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> names = names(type);
    Set<String> set = new HashSet<>();
    node.fieldNames().forEachRemaining(set::add);
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!names.contains(name)) {
                unknownKey(key + "." + name, name, names, key + ".", set);
              }
            });
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      Object dflt = get(c, defaults);
      JsonNode child = node.get(c.getName());
      values[i] =
          child == null
              ? dflt
              : bindValue(c.getGenericType(), child, dflt, key + "." + c.getName());
    }
    try {
      var ctor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
      return (T) ctor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  static Set<String> names(Class<?> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private static Object get(RecordComponent c, Object target) {
    try {
      return target == null ? null : c.getAccessor().invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  Object bindValue(Type type, JsonNode node, Object dflt, String key) {
    Class<?> raw = rawClass(type);
    if (RawConfig.isSecure(node) && raw != Secret.class) {
      problems.add(
          new ConfigProblem(
              key,
              key
                  + " is encrypted (secure:) but is not a secret setting; write it in plain text"
                  + " (only plinth:secrets.* values may be secure)"));
      return dflt;
    }
    if (raw.isRecord()) {
      return bindRecord((Class<Record>) raw, node, (Record) dflt, key);
    }
    if (raw == Secret.class) {
      return bindSecret(node, dflt, key);
    }
    if (raw == String.class) {
      return bindString(node, dflt, key);
    }
    if (raw == int.class || raw == Integer.class) {
      return bindInt(node, dflt, key);
    }
    if (raw == double.class || raw == Double.class) {
      return bindDouble(node, dflt, key);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return bindBoolean(node, dflt, key);
    }
    if (raw.isEnum() && Keyed.class.isAssignableFrom(raw)) {
      return bindKeyed(raw, node, dflt, key);
    }
    if (List.class.isAssignableFrom(raw)) {
      return bindList(type, node, dflt, key);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return bindMap(type, node, dflt, key);
    }
    throw new IllegalStateException("no binding for " + type + " at " + key);
  }

  private Object bindSecret(JsonNode node, Object dflt, String key) {
    if (RawConfig.isSecure(node) && !node.get(RawConfig.SECURE).asText().isEmpty()) {
      return new Secret(node.get(RawConfig.SECURE).asText());
    }
    // Never echo the value: it is meant to be secret.
    problems.add(
        new ConfigProblem(
            key,
            key
                + (node.isValueNode()
                    ? " is in plain text, and a stack file is committed to git: set it with"
                        + " `pulumi config set --secret --path '"
                        + key
                        + "' <value>`, which stores it encrypted (secure: v1:...); if the"
                        + " plain value was ever committed, rotate it"
                    : " must be one secret value: set it with `pulumi config set --secret --path '"
                        + key
                        + "' <value>`")));
    return dflt;
  }

  private Object bindString(JsonNode node, Object dflt, String key) {
    if (node.isValueNode() && !node.isNull()) {
      return node.asText();
    }
    problem(key, "must be a string", node);
    return dflt;
  }

  private Object bindInt(JsonNode node, Object dflt, String key) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    String written = node.isTextual() ? node.asText().strip() : node.asText();
    if ((node.isIntegralNumber() || node.isTextual()) && written.matches("-?\\d+")) {
      java.math.BigInteger n = new java.math.BigInteger(written);
      if (n.bitLength() < Integer.SIZE) {
        return n.intValue();
      }
      oversized.put(key, written);
      return n.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
    problem(key, "must be a whole number", node.isTextual() ? node.asText() : node);
    return dflt;
  }

  private Object bindDouble(JsonNode node, Object dflt, String key) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problem(key, "must be a number", node.isTextual() ? node.asText() : node);
    return dflt;
  }

  private Object bindBoolean(JsonNode node, Object dflt, String key) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual() && Set.of("true", "false").contains(node.asText())) {
      return Boolean.parseBoolean(node.asText());
    }
    problem(key, "must be true or false", node.isTextual() ? node.asText() : node);
    return dflt;
  }

  private Object bindKeyed(Class<?> raw, JsonNode node, Object dflt, String key) {
    List<String> allowed =
        Arrays.stream(raw.getEnumConstants()).map(e -> ((Keyed) e).key()).toList();
    if (node.isTextual()) {
      for (Object constant : raw.getEnumConstants()) {
        if (((Keyed) constant).key().equals(node.asText())) {
          return constant;
        }
      }
    }
    problem(
        key,
        "must be one of " + String.join(", ", allowed),
        node.isTextual() ? node.asText() : node);
    return dflt;
  }

  private Object bindList(Type type, JsonNode node, Object dflt, String key) {
    Type element = typeArgument(type, 0);
    if (!node.isArray()) {
      problem(key, "must be a list", node.isTextual() ? node.asText() : node);
      return dflt;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Object v = bindValue(element, node.get(i), null, key + "[" + i + "]");
      if (v != null) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  private Object bindMap(Type type, JsonNode node, Object dflt, String key) {
    Type value = typeArgument(type, 1);
    if (!node.isObject()) {
      problem(key, "must be a mapping", node.isTextual() ? node.asText() : node);
      return dflt;
    }
    // A stack file's mapping adds to the preset's entries or overrides them, as every other
    // setting does: setting one chart's version keeps the others' (docs/settings.md).
    Map<String, Object> out = new LinkedHashMap<>();
    if (dflt instanceof Map<?, ?> preset) {
      preset.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    node.fields()
        .forEachRemaining(
            e -> {
              Object v = bindValue(value, e.getValue(), null, key + "." + e.getKey());
              if (v != null) {
                out.put(e.getKey(), v);
              }
            });
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported type " + type);
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    throw new IllegalStateException("raw collection type " + type);
  }
}
