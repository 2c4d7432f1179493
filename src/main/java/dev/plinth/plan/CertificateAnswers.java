package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ACM's answers for a certificate, and Route 53's for the records that validate and alias it. */
final class CertificateAnswers {
  private CertificateAnswers() {}

  static void certificate(String region, String id, Map<String, Object> state) {
    state.put(
        "arn",
        "arn:aws:acm:"
            + region
            + ":"
            + MockCloud.ACCOUNT_ID
            + ":certificate/"
            + MockValues.uuid(id));
    state.put("status", "PENDING_VALIDATION");
    state.put("domainValidationOptions", validationOptions(state));
  }

  /** A record's fully qualified name: its name without the trailing dot. */
  static void record(String region, String id, Map<String, Object> state) {
    String name = String.valueOf(state.get("name"));
    state.put("fqdn", name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
  }

  /**
   * ACM's DNS validation records: one per name on the certificate, a wildcard sharing its base
   * name's record, as ACM answers.
   */
  private static List<Map<String, Object>> validationOptions(Map<String, Object> state) {
    List<String> names = new ArrayList<>();
    names.add(String.valueOf(state.get("domainName")));
    if (state.get("subjectAlternativeNames") instanceof List<?> sans) {
      sans.forEach(n -> names.add(String.valueOf(n)));
    }
    return names.stream()
        .distinct()
        .map(
            n -> {
              String base = n.startsWith("*.") ? n.substring(2) : n;
              String token = hash(base);
              return Map.<String, Object>of(
                  "domainName",
                  n,
                  "resourceRecordName",
                  "_" + token.substring(0, 32) + "." + base + ".",
                  "resourceRecordType",
                  "CNAME",
                  "resourceRecordValue",
                  "_" + token.substring(32, 64) + ".abcdefghij.acm-validations.aws.");
            })
        .toList();
  }
}
