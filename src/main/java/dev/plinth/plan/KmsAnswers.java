package dev.plinth.plan;

import java.util.Map;

/** KMS's answers: a key's id is a UUID, and its {@code keyId} output is that id. */
final class KmsAnswers {
  private KmsAnswers() {}

  static final String KEY = "aws:kms/key:Key";

  static String keyId(String name) {
    return MockValues.uuid(KEY + "/" + name);
  }

  static void key(String region, String id, Map<String, Object> state) {
    state.put("keyId", id);
  }
}
