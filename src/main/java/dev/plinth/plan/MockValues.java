package dev.plinth.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The deterministic building blocks of the mocks' answers: hashes, UUIDs and auto-names derived
 * from a seed, and the ARN a resource gets unless its service computes another.
 */
final class MockValues {
  private MockValues() {}

  /** The SHA-256 of the text, in lower-case hex: the seed of every made-up value. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A UUID-shaped string (8-4-4-4-12 hex digits) derived from the seed. */
  static String uuid(String seed) {
    String h = hash(seed);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20, 32);
  }

  /** Pulumi's auto-naming: the logical name and a random suffix (here a stable one). */
  static String generatedName(String name) {
    return name + "-" + hash(name).substring(0, 7);
  }

  /** The ARN of an AWS resource before its service's own answer (if any) replaces it. */
  static String arn(String region, String type, String id, String name) {
    String module =
        type.substring(4, type.indexOf('/') > 0 ? type.indexOf('/') : type.indexOf(':', 4));
    return switch (type) {
      case "aws:iam/role:Role" -> "arn:aws:iam::" + MockCloud.ACCOUNT_ID + ":role/" + name;
      case "aws:iam/policy:Policy" -> "arn:aws:iam::" + MockCloud.ACCOUNT_ID + ":policy/" + name;
      case "aws:cloudwatch/logGroup:LogGroup" ->
          "arn:aws:logs:" + region + ":" + MockCloud.ACCOUNT_ID + ":log-group:" + name;
      case "aws:kms/key:Key" -> "arn:aws:kms:" + region + ":" + MockCloud.ACCOUNT_ID + ":key/" + id;
      case "aws:kms/alias:Alias" ->
          "arn:aws:kms:" + region + ":" + MockCloud.ACCOUNT_ID + ":" + name;
      default -> {
        String kind = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        yield "arn:aws:"
            + module
            + ":"
            + region
            + ":"
            + MockCloud.ACCOUNT_ID
            + ":"
            + kind
            + "/"
            + id;
      }
    };
  }
}
