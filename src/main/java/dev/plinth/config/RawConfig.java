package dev.plinth.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
public record RawConfig(Map<String, JsonNode> values, List<ConfigProblem> fileProblems) {
  static final String SECURE = "secure";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * @param fileProblems what is wrong with the stack file itself (a key set twice), reported with
   *     the configuration's other problems
   */
  public RawConfig {
    values = Map.copyOf(values);
    fileProblems = List.copyOf(fileProblems);
  }

  public RawConfig(Map<String, JsonNode> values) {
    this(values, List.of());
  }

  /** Reads the {@code config:} section of a stack file. */
  public static RawConfig fromStackFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    JsonNode root;
    List<ConfigProblem> duplicates;
    try {
      String text = Files.readString(file);
      root = new ObjectMapper(YAML).readTree(text);
      duplicates = duplicateKeys(text, name);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "stack",
                  "stack file "
                      + file
                      + " does not exist (run plan from the project root, or pass --config FILE)")));
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(new ConfigProblem("stack", notYaml(file, e))));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "config",
                  name
                      + " is empty: a stack file holds its settings under config:, aws:region and"
                      + " plinth:environment at least (`pulumi config set aws:region us-east-1`"
                      + " and `pulumi config set plinth:environment dev` write them)")));
    }
    if (!root.isObject()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "config",
                  name
                      + " must be a YAML mapping with a config: block (got "
                      + (root.isArray() ? "a list" : root.asText())
                      + ")")));
    }
    JsonNode config = root.get("config");
    if (config == null) {
      List<String> settings = new ArrayList<>();
      root.fieldNames()
          .forEachRemaining(
              k -> {
                if (k.contains(":")) {
                  settings.add(k);
                }
              });
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "config",
                  name
                      + " has no config: block: a stack file holds its settings under config:"
                      + (settings.isEmpty()
                          ? ", aws:region and plinth:environment at least"
                          : "; indent "
                              + String.join(", ", settings)
                              + " under a config: line (they are at the top level)"))));
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    if (config.isObject()) {
      config.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    } else if (!config.isNull()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  "config",
                  "stack file " + file + ": config must be a mapping of keys to values")));
    }
    return new RawConfig(values, duplicates);
  }

  /**
   * The parser's complaint on one line, with where it is: SnakeYAML's message spans several lines
   * (context, the quoted source line, a caret), and a configuration problem is one line of stderr.
   */
  static String notYaml(Path file, JsonProcessingException e) {
    String what =
        e.getOriginalMessage()
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith(" in '") && !l.startsWith("    "))
            .map(String::strip)
            .collect(java.util.stream.Collectors.joining("; "));
    var at = e.getLocation();
    return "stack file "
        + file
        + " is not valid YAML"
        + (at == null || at.getLineNr() < 1
            ? ""
            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
        + ": "
        + what;
  }

  /**
   * Every key written twice in one mapping of the file. YAML requires the keys of a mapping to be
   * unique (YAML 1.2, "Relation to JSON": keys MUST be unique); Jackson's tree would keep the last
   * and drop the first without a word. Reported with both lines.
   */
  static List<ConfigProblem> duplicateKeys(String text, String name) throws IOException {
    List<ConfigProblem> problems = new ArrayList<>();
    Deque<Map<String, Integer>> mappings = new ArrayDeque<>();
    try (JsonParser parser = YAML.createParser(text)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_OBJECT) {
          mappings.push(new HashMap<>());
        } else if (t == JsonToken.END_OBJECT) {
          mappings.pop();
        } else if (t == JsonToken.FIELD_NAME) {
          int line = parser.currentTokenLocation().getLineNr();
          Integer first = mappings.peek().putIfAbsent(parser.currentName(), line);
          if (first != null) {
            String key = keyOf(parser.getParsingContext());
            problems.add(
                new ConfigProblem(
                    key,
                    key
                        + " is set twice in "
                        + name
                        + " (lines "
                        + first
                        + " and "
                        + line
                        + "): keep one; a YAML mapping holds each key once, and the second would"
                        + " silently replace the first"));
          }
        }
      }
    }
    return problems;
  }

  /**
   * The key a parser position stands for: under {@code config:} the configuration key as the rest
   * of Plinth spells it ({@code plinth:network.azCount}, {@code plinth:edge.firewall.rules[0]}),
   * elsewhere the path in the file.
   */
  private static String keyOf(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
    }
    if (parts.size() > 1 && "config".equals(parts.peekFirst())) {
      parts.removeFirst();
    }
    StringBuilder key = new StringBuilder();
    for (String part : parts) {
      if (key.length() > 0 && !part.startsWith("[")) {
        key.append('.');
      }
      key.append(part);
    }
    return key.toString();
  }

  /**
   * Reads what the Pulumi language host hands the program: {@code PULUMI_CONFIG}, a JSON object of
   * full keys to strings, where structured values are JSON text. Secret values arrive decrypted;
   * {@code PULUMI_CONFIG_SECRET_KEYS} lists the keys whose value is or holds a {@code secure:}
   * value (pulumi/pulumi sdk/go/common/resource/config: an object value is secure when any value in
   * it is, {@code hasSecureValue}; {@code Map.SecureKeys}). The values under such a {@code
   * plinth:secrets} take the offline form of a secure value, so the loader treats both sources
   * alike; a {@code plinth:secrets} the engine does not list holds plain text only.
   */
  public static RawConfig fromEngineEnvironment(Map<String, String> env) {
    String raw = env.getOrDefault("PULUMI_CONFIG", "{}");
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Set<String> secretKeys = new HashSet<>();
    try {
      JsonNode config = JSON.readTree(raw.isBlank() ? "{}" : raw);
      for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        values.put(cleanKey(e.getKey()), parseEngineValue(e.getValue().asText()));
      }
      String secrets = env.getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]");
      JSON.readTree(secrets.isBlank() ? "[]" : secrets)
          .forEach(k -> secretKeys.add(cleanKey(k.asText())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "PULUMI_CONFIG is not valid JSON: " + e.getOriginalMessage(), e);
    }
    String secretsKey = PlatformConfig.NAMESPACE + ":secrets";
    if (secretKeys.contains(secretsKey) && values.containsKey(secretsKey)) {
      values.put(secretsKey, secureLeaves(values.get(secretsKey)));
    }
    return new RawConfig(values);
  }

  /**
   * {@code plinth:config:secrets} as {@code plinth:secrets}: older language hosts put {@code
   * :config:} into the keys, and the Java SDK removes it (pulumi-java ConfigInternal.cleanKey).
   */
  static String cleanKey(String key) {
    int colon = key.indexOf(':');
    return colon > 0 && key.startsWith("config:", colon + 1)
        ? key.substring(0, colon) + key.substring(colon + "config".length() + 1)
        : key;
  }

  /** {@code node} with each scalar in it replaced by its offline secure form. */
  private static JsonNode secureLeaves(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), secureLeaves(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      node.forEach(v -> out.add(secureLeaves(v)));
      return out;
    }
    return node.isNull() ? node : secure(node.asText());
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
