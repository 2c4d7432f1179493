package dev.plinth.keys;

import static dev.plinth.Json.obj;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.Environment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Customer-managed KMS keys, one per data domain ({@link KeyDomain}), each with yearly rotation and
 * an explicit key policy. A key per domain rather than one per environment keeps each policy to the
 * one service that uses the key, and lets an operator revoke or audit one domain alone.
 */
public final class Keys extends Component {
  public static final String TYPE = "plinth:data:Keys";

  private final Map<KeyDomain, Key> keys = new EnumMap<>(KeyDomain.class);

  /**
   * Days KMS waits before deleting a key scheduled for deletion: the 30-day maximum outside dev.
   */
  public static int deletionWindowDays(Environment env) {
    return env == Environment.DEV ? 7 : 30;
  }

  public Keys(
      String name, Environment environment, AwsContext aws, ComponentResourceOptions options) {
    super(TYPE, name, options);
    Map<String, Output<String>> outputs = new java.util.TreeMap<>();
    for (KeyDomain domain : KeyDomain.values()) {
      Output<String> policy =
          Output.tuple(aws.accountId(), aws.partition())
              .applyValue(t -> policy(domain, t.t1, t.t2, aws.region()));
      Key key =
          new Key(
              child(domain.key()),
              KeyArgs.builder()
                  .description("Plinth " + environment.key() + ": " + domain.description())
                  .enableKeyRotation(true)
                  .deletionWindowInDays(deletionWindowDays(environment))
                  .policy(policy)
                  .build(),
              statefulOptions(environment.isProduction()));
      new Alias(
          child(domain.key() + "-alias"),
          AliasArgs.builder()
              .name("alias/plinth/" + aws.stack() + "/" + domain.key())
              .targetKeyId(key.keyId())
              .build(),
          childOptions());
      keys.put(domain, key);
      outputs.put(domain.key() + "KeyArn", key.arn());
    }
    registerOutputs(Map.copyOf(outputs));
  }

  /** The ARN of a domain's key. */
  public Output<String> arn(KeyDomain domain) {
    return keys.get(domain).arn();
  }

  /** The handle to every domain's key, for components that encrypt with one of them. */
  public KeyRing ring() {
    return KeyRing.of(this::arn);
  }

  /**
   * The handle log groups are made with: the logs key, and the retention of the platform's and the
   * applications' log groups.
   */
  public LogStorage logs(int retentionDays, int applicationRetentionDays) {
    return new LogStorage(logsKeyArn(), retentionDays, applicationRetentionDays);
  }

  /** The key that encrypts CloudWatch log groups. */
  public Output<String> logsKeyArn() {
    return arn(KeyDomain.LOGS);
  }

  /** The account administers the key; the domain's service may use it. */
  public static String policy(KeyDomain domain, String account, String partition, String region) {
    List<Object> statements = new ArrayList<>();
    statements.add(
        obj(
            "Sid", "AccountAdministers",
            "Effect", "Allow",
            "Principal", obj("AWS", "arn:" + partition + ":iam::" + account + ":root"),
            "Action", "kms:*",
            "Resource", "*"));
    statements.addAll(domain.serviceStatements(account, partition, region));
    return Json.policy(statements.toArray());
  }
}
