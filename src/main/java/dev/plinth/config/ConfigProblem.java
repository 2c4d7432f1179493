package dev.plinth.config;

/**
 * One thing wrong with a stack's configuration. {@code key} is the full key ({@code
 * plinth:network.azCount}); {@code message} is the whole sentence a user reads, naming the key, the
 * value and what is allowed.
 */
public record ConfigProblem(String key, String message) {

  public static ConfigProblem of(String key, String rule, Object value) {
    return new ConfigProblem(key, key + " " + rule + " (got " + show(value) + ")");
  }

  static String show(Object value) {
    if (value instanceof com.fasterxml.jackson.databind.JsonNode node && node.isTextual()) {
      return show(node.asText());
    }
    if (value instanceof String s) {
      return s.isEmpty() ? "an empty string" : s;
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return message;
  }
}
