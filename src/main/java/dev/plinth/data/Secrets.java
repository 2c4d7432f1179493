package dev.plinth.data;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Component;
import dev.plinth.config.Environment;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets Manager secrets, encrypted with the secrets key: each {@code plinth:secrets.app.<NAME>}
 * value, and (through {@link #store}) the credentials other components generate. Values only ever
 * travel as secret outputs. Where {@code plinth:backups.crossRegion} is on, each secret has a
 * replica in the disaster-recovery region under that region's secrets key ({@link
 * SecretReplication}), so the application can read its secrets there when the home region is lost
 * (issue 17).
 */
public final class Secrets extends Component {
  public static final String TYPE = "plinth:data:Secrets";

  private final Environment environment;
  private final Output<String> keyArn;
  private final Optional<SecretReplication> replication;

  /** The stack whose name the secrets' names carry ({@code plinth/<stack>/<name>}). */
  private final String stack;

  private final Map<String, Output<String>> arns = new TreeMap<>();

  public Secrets(
      String name,
      Environment environment,
      String stack,
      Map<String, dev.plinth.config.Secret> app,
      Output<String> keyArn,
      Optional<SecretReplication> replication,
      ComponentResourceOptions options) {
    super(TYPE, name, options);
    this.environment = environment;
    this.stack = stack;
    this.keyArn = keyArn;
    this.replication = replication;
    app.forEach((secretName, value) -> store("app-" + secretName, Output.ofSecret(value.reveal())));
    registerOutputs(Map.of("secretArns", Output.of(Map.copyOf(arns))));
  }

  /**
   * Stores a secret value under {@code plinth/<stack>/<name>}; returns the handle a reader takes
   * (the secret's ARN and the key it is encrypted with).
   */
  public SecretRef store(String secretName, Output<String> value) {
    String suffix = secretName.toLowerCase(Locale.ROOT).replace('_', '-');
    var secret =
        new Secret(
            child(suffix),
            secretArgs(environment, stack, secretName, keyArn, replication),
            secretOptions(this, environment));
    new SecretVersion(
        child(suffix + "-value"),
        SecretVersionArgs.builder().secretId(secret.id()).secretString(value.asSecret()).build(),
        childOptions());
    arns.put(secretName, secret.arn());
    return new SecretRef(secret.arn(), keyArn);
  }

  /**
   * A Plinth secret's settings: named {@code plinth/<stack>/<name>}, encrypted with {@code keyArn},
   * recoverable for 7 days after deletion in dev and 30 elsewhere, replicated where {@code
   * replication} says.
   */
  static SecretArgs secretArgs(
      Environment environment,
      String stack,
      String secretName,
      Output<String> keyArn,
      Optional<SecretReplication> replication) {
    var args =
        SecretArgs.builder()
            .name("plinth/" + stack + "/" + secretName)
            .kmsKeyId(keyArn)
            .recoveryWindowInDays(environment == Environment.DEV ? 7 : 30);
    replication.ifPresent(r -> args.replicas(r.replicas()));
    return args.build();
  }

  /** A secret's options: a child of {@code parent}, protected in prod. */
  static CustomResourceOptions secretOptions(
      com.pulumi.resources.Resource parent, Environment environment) {
    return CustomResourceOptions.builder()
        .parent(parent)
        .protect(environment.isProduction())
        .build();
  }

  /** ARNs of the secrets stored so far, by name. */
  public Output<Map<String, String>> arns() {
    return Output.all(arns.values().stream().toList())
        .applyValue(
            values -> {
              Map<String, String> out = new TreeMap<>();
              var names = arns.keySet().stream().toList();
              for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), values.get(i));
              }
              return out;
            });
  }
}
