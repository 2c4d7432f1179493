package dev.plinth.data;

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
import java.util.List;
import java.util.Map;

/**
 * Customer-managed KMS keys, one per data domain, each with rotation and an explicit key policy. A
 * key per domain (not one per environment) keeps each key's policy to the one service that uses it
 * and lets an operator revoke one domain without touching the others.
 *
 * <p>Domains so far: {@code logs} (CloudWatch Logs: flow logs and every other log group).
 */
public final class Keys extends Component {
  public static final String TYPE = "plinth:data:Keys";

  /** Days KMS waits before deleting a key scheduled for deletion: the maximum outside dev. */
  static int deletionWindowDays(Environment env) {
    return env == Environment.DEV ? 7 : 30;
  }

  private final Key logs;

  public Keys(
      String name, Environment environment, AwsContext aws, ComponentResourceOptions options) {
    super(TYPE, name, options);
    boolean protect = environment.isProduction();
    Output<String> policy =
        Output.tuple(aws.accountId(), aws.partition())
            .applyValue(t -> logsKeyPolicy(t.t1, t.t2, aws.region()));
    this.logs =
        new Key(
            child("logs"),
            KeyArgs.builder()
                .description("Plinth " + environment.key() + ": CloudWatch Logs")
                .enableKeyRotation(true)
                .deletionWindowInDays(deletionWindowDays(environment))
                .policy(policy)
                .build(),
            statefulOptions(protect));
    new Alias(
        child("logs-alias"),
        AliasArgs.builder()
            .name("alias/plinth/" + environment.key() + "/logs")
            .targetKeyId(logs.keyId())
            .build(),
        childOptions());
    registerOutputs(Map.of("logsKeyArn", logs.arn()));
  }

  /** The key that encrypts CloudWatch log groups. */
  public Output<String> logsKeyArn() {
    return logs.arn();
  }

  /** The account administers the key; CloudWatch Logs in this region may use it for log groups. */
  static String logsKeyPolicy(String accountId, String partition, String region) {
    String root = "arn:" + partition + ":iam::" + accountId + ":root";
    return Json.policy(
        obj(
            "Sid", "AccountAdministers",
            "Effect", "Allow",
            "Principal", obj("AWS", root),
            "Action", "kms:*",
            "Resource", "*"),
        obj(
            "Sid",
            "CloudWatchLogsUse",
            "Effect",
            "Allow",
            "Principal",
            obj("Service", "logs." + region + ".amazonaws.com"),
            "Action",
            List.of(
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:Describe*"),
            "Resource",
            "*",
            "Condition",
            obj(
                "ArnLike",
                obj(
                    "kms:EncryptionContext:aws:logs:arn",
                    "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:*"))));
  }
}
