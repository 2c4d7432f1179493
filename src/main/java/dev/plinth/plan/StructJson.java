package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.plinth.config.Secret;

/**
 * Turns the protobuf values a program sends the engine into JSON, the way {@code pulumi preview
 * --json} shows them: a secret becomes {@code "[secret]"}, a value not known until apply {@code
 * "[unknown]"}, a resource reference its URN.
 */
final class StructJson {
  /** Pulumi's wire signatures (sdk/go/common/resource/properties.go). */
  static final String SIG_KEY = "4dabf18193072939515e22adb298388d";

  static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
  static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
  static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  static final String UNKNOWN_TEXT = "[unknown]";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StructJson() {}

  static ObjectNode of(Struct struct) {
    ObjectNode out = F.objectNode();
    struct.getFieldsMap().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> out.set(e.getKey(), of(e.getValue())));
    return out;
  }

  static JsonNode of(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> F.nullNode();
      case BOOL_VALUE -> F.booleanNode(value.getBoolValue());
      case NUMBER_VALUE -> number(value.getNumberValue());
      case STRING_VALUE ->
          UNKNOWN.equals(value.getStringValue())
              ? F.textNode(UNKNOWN_TEXT)
              : F.textNode(value.getStringValue());
      case LIST_VALUE -> {
        ArrayNode array = F.arrayNode();
        value.getListValue().getValuesList().forEach(v -> array.add(of(v)));
        yield array;
      }
      case STRUCT_VALUE -> special(value.getStructValue());
    };
  }

  private static JsonNode special(Struct struct) {
    Value sig = struct.getFieldsMap().get(SIG_KEY);
    if (sig == null) {
      return of(struct);
    }
    return switch (sig.getStringValue()) {
      case SECRET_SIG -> F.textNode(Secret.MASK);
      case RESOURCE_SIG -> F.textNode(struct.getFieldsMap().get("urn").getStringValue());
      default -> of(struct);
    };
  }

  private static JsonNode number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return F.numberNode((long) d);
    }
    return F.numberNode(d);
  }
}
