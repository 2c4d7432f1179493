package dev.plinth.plan;

import static dev.plinth.plan.MockValues.hash;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RDS's answers: an instance's identifier, address, endpoint and resource id (and its managed
 * master password's secret), and the id of a cross-region backup replication.
 */
final class RdsAnswers {
  private RdsAnswers() {}

  /** A backup replication's id: the ARN of the replicated automated backups in its region. */
  static String backupReplicationId(String region, String name) {
    return "arn:aws:rds:"
        + region
        + ":"
        + MockCloud.ACCOUNT_ID
        + ":auto-backup:ab-"
        + hash(name).substring(0, 26);
  }

  static void instance(String region, String id, Map<String, Object> state) {
    // The identifier given, as RDS keeps it; else Pulumi's auto-name.
    String identifier = String.valueOf(state.getOrDefault("identifier", state.get("name")));
    String address =
        identifier + "." + hash(id).substring(0, 12) + "." + region + ".rds.amazonaws.com";
    state.put("identifier", identifier);
    state.put("arn", "arn:aws:rds:" + region + ":" + MockCloud.ACCOUNT_ID + ":db:" + identifier);
    state.put("address", address);
    state.put("endpoint", address + ":5432");
    state.putIfAbsent("port", 5432);
    state.put("resourceId", "db-" + hash(id).substring(0, 26).toUpperCase(Locale.ROOT));
    if (Boolean.TRUE.equals(state.get("manageMasterUserPassword"))) {
      state.put("masterUserSecrets", List.of(masterUserSecret(region, id)));
    }
  }

  /**
   * A proxy's ARN and endpoint. The ARN ends in the proxy's resource id, {@code prx-} and 17
   * characters ({@code arn:aws:rds:<region>:<account>:db-proxy:prx-...}; the form of the RDS User
   * Guide's IAM example, {@code dbuser:prx-ABCDEFGHIJKL01234/db_user}); the endpoint is {@code
   * <name>.proxy-<id>.<region>.rds.amazonaws.com} (RDS User Guide, "Connecting to a database
   * through RDS Proxy", describe-db-proxies example: {@code the-proxy.proxy-demo.us-east-1.rds
   * .amazonaws.com}).
   */
  static void proxy(String region, String id, Map<String, Object> state) {
    String name = String.valueOf(state.get("name"));
    String resourceId = "prx-" + hash(id).substring(0, 17);
    state.put(
        "arn", "arn:aws:rds:" + region + ":" + MockCloud.ACCOUNT_ID + ":db-proxy:" + resourceId);
    state.put(
        "endpoint",
        name + ".proxy-" + hash(id).substring(0, 12) + "." + region + ".rds.amazonaws.com");
  }

  /** The Secrets Manager secret RDS creates for a password it manages. */
  private static Map<String, Object> masterUserSecret(String region, String id) {
    return Map.of(
        "secretArn",
        "arn:aws:secretsmanager:"
            + region
            + ":"
            + MockCloud.ACCOUNT_ID
            + ":secret:rds!db-"
            + hash(id).substring(0, 8)
            + "-"
            + hash(id).substring(8, 14),
        "secretStatus",
        "active");
  }
}
