package dev.plinth.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * The effective settings of a stack as flat keys ({@code plinth:network.azCount}) to values, the
 * preset and the stack file merged; secrets show as {@code [secret]}. The plan's JSON carries it as
 * {@code config}, as {@code pulumi preview --json} does.
 */
public final class ConfigView {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ConfigView() {}

  public static ObjectNode of(PlatformConfig config) {
    ObjectNode out = F.objectNode();
    out.put("aws:region", config.region());
    out.put(ConfigLoader.PREFIX + ConfigLoader.ENVIRONMENT, config.environment().key());
    out.put(AccountValidation.KEY, config.account());
    flatten(AccountValidation.QUOTAS_KEY, config.quotas(), out);
    flatten(ConfigLoader.PREFIX + ConfigLoader.TIER, config.tier(), out);
    for (RecordComponent c : PlatformConfig.class.getRecordComponents()) {
      Object value = get(c, config);
      if (value instanceof Record section) {
        flatten(ConfigLoader.PREFIX + c.getName(), section, out);
      }
    }
    return out;
  }

  private static void flatten(String key, Object value, ObjectNode out) {
    if (value instanceof Record record) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        flatten(key + "." + c.getName(), get(c, record), out);
      }
    } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      // By key: Map.of iterates in an order that changes from one JVM to the next, and the plan's
      // JSON must not change between two runs of the same program.
      map.entrySet().stream()
          .sorted(java.util.Comparator.comparing(e -> String.valueOf(e.getKey())))
          .forEach(e -> flatten(key + "." + e.getKey(), e.getValue(), out));
    } else {
      out.set(key, leaf(value));
    }
  }

  private static JsonNode leaf(Object value) {
    if (value == null) {
      return F.nullNode();
    }
    if (value instanceof Secret) {
      return F.textNode(Secret.MASK);
    }
    if (value instanceof Keyed keyed) {
      return F.textNode(keyed.key());
    }
    if (value instanceof Integer i) {
      return F.numberNode(i);
    }
    if (value instanceof Double d) {
      return F.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (value instanceof Map<?, ?>) {
      return F.objectNode();
    }
    if (value instanceof Collection<?> list) {
      var array = F.arrayNode();
      (list instanceof java.util.Set<?>
              ? list.stream().sorted(java.util.Comparator.comparing(String::valueOf))
              : list.stream())
          .forEach(v -> array.add(leaf(v)));
      return array;
    }
    return F.textNode(String.valueOf(value));
  }

  private static Object get(RecordComponent c, Object target) {
    try {
      return c.getAccessor().invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
