package dev.plinth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON documents built in Java (IAM and key policies), so that the plan shows the real text. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

  private Json() {}

  /** An ordered JSON object from alternating keys and values. */
  public static java.util.Map<String, Object> obj(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** An IAM policy document (version 2012-10-17) of the given statements. */
  /**
   * The {@code Principal} naming a whole account ({@code {"AWS":
   * "arn:<partition>:iam::<account>:root"}}): its IAM policies then decide which of its principals
   * may act.
   */
  public static java.util.Map<String, Object> accountPrincipal(String partition, String account) {
    return obj("AWS", "arn:" + partition + ":iam::" + account + ":root");
  }

  public static String policy(Object... statements) {
    return write(obj("Version", "2012-10-17", "Statement", java.util.List.of(statements)));
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
