package dev.plinth.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's configuration as the user wrote it, before typing: full keys ({@code plinth:network},
 * {@code aws:region}) to JSON values. Two sources fill it: the Pulumi engine's environment under
 * {@code pulumi up}, and a {@code Pulumi.<stack>.yaml} file offline. {@link ConfigLoader} turns it
 * into a {@link PlatformConfig}.
 *
 * <p>Offline, a {@code secure:} value cannot be decrypted; it is kept as the object {@code
 * {"secure": "<ciphertext>"}} so the loader can accept it for secret settings and refuse it
 * elsewhere.
 */
public record RawConfig(Map<String, JsonNode> values) {
  static final String SECURE = "secure";
  private static final ObjectMapper JSON = new ObjectMapper();

  public RawConfig {
    values = Map.copyOf(values);
  }

  /** Reads the {@code config:} section of a stack file. */
  public static RawConfig fromStackFile(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "stack",
                  "stack file "
                      + file
                      + " does not exist (run plan from the project root, or pass --config FILE)")));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "stack",
                  "stack file " + file + " is not valid YAML: " + e.getOriginalMessage())));
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    JsonNode config = root == null ? null : root.get("config");
    if (config != null && config.isObject()) {
      config.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    } else if (config != null && !config.isNull()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "config",
                  "stack file " + file + ": config must be a mapping of keys to values")));
    }
    return new RawConfig(values);
  }

  /**
   * Reads what the Pulumi language host hands the program: {@code PULUMI_CONFIG}, a JSON object of
   * full keys to strings, where structured values are JSON text. Secret values arrive decrypted.
   */
  public static RawConfig fromEngineEnvironment(Map<String, String> env) {
    String raw = env.getOrDefault("PULUMI_CONFIG", "{}");
    Map<String, JsonNode> values = new LinkedHashMap<>();
    try {
      JsonNode config = JSON.readTree(raw.isBlank() ? "{}" : raw);
      for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        values.put(e.getKey(), parseEngineValue(e.getValue().asText()));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "PULUMI_CONFIG is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return new RawConfig(values);
  }

  private static JsonNode parseEngineValue(String text) {
    String t = text.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        return JSON.readTree(t);
      } catch (JsonProcessingException e) {
        return TextNode.valueOf(text);
      }
    }
    return TextNode.valueOf(text);
  }

  /** True for the offline form of a {@code secure:} value. */
  static boolean isSecure(JsonNode node) {
    return node != null && node.isObject() && node.size() == 1 && node.has(SECURE);
  }

  /** Builds a config from plain Java values (tests and examples). */
  public static RawConfig of(Map<String, ?> values) {
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    values.forEach((k, v) -> nodes.put(k, JSON.valueToTree(v)));
    return new RawConfig(nodes);
  }

  /** The offline form of a {@code secure:} value, for tests. */
  public static JsonNode secure(String ciphertext) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(SECURE, ciphertext);
    return node;
  }
}
