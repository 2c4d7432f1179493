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
import java.util.TreeMap;

/**
 * Secrets Manager secrets, encrypted with the secrets key: each {@code plinth:secrets.app.<NAME>}
 * value, and (through {@link #store}) the credentials other components generate. Values only ever
 * travel as secret outputs.
 */
public final class Secrets extends Component {
  public static final String TYPE = "plinth:data:Secrets";

  private final Environment environment;
  private final Output<String> keyArn;

  /** The stack whose name the secrets' names carry ({@code plinth/<stack>/<name>}). */
  private final String stack;

  private final Map<String, Output<String>> arns = new TreeMap<>();

  public Secrets(
      String name,
      Environment environment,
      String stack,
      Map<String, dev.plinth.config.Secret> app,
      Output<String> keyArn,
      ComponentResourceOptions options) {
    super(TYPE, name, options);
    this.environment = environment;
    this.stack = stack;
    this.keyArn = keyArn;
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
            SecretArgs.builder()
                .name("plinth/" + stack + "/" + secretName)
                .kmsKeyId(keyArn)
                .recoveryWindowInDays(environment == Environment.DEV ? 7 : 30)
                .build(),
            CustomResourceOptions.builder()
                .parent(this)
                .protect(environment.isProduction())
                .build());
    new SecretVersion(
        child(suffix + "-value"),
        SecretVersionArgs.builder().secretId(secret.id()).secretString(value.asSecret()).build(),
        childOptions());
    arns.put(secretName, secret.arn());
    return new SecretRef(secret.arn(), keyArn);
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
