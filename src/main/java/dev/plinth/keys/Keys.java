package dev.plinth.keys;

import static dev.plinth.Json.obj;

import com.pulumi.aws.Provider;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.AwsContext;
import dev.plinth.Component;
import dev.plinth.Json;
import dev.plinth.config.Environment;
import dev.plinth.config.KeySettings.KeyLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Customer-managed KMS keys, one per data domain ({@link KeyDomain}), each with yearly rotation and
 * an explicit key policy. A key per domain rather than one per environment keeps each policy to the
 * one service that uses the key, and lets an operator revoke or audit one domain alone; where that
 * is not worth $1 a month per domain (dev, plinth:keys.layout shared), one key serves every domain
 * with the union of their policies.
 */
public final class Keys extends Component {
  public static final String TYPE = "plinth:data:Keys";

  private final Map<KeyDomain, Key> keys = new EnumMap<>(KeyDomain.class);
  private final Map<KeyDomain, Output<String>> drKeys = new EnumMap<>(KeyDomain.class);
  private final Environment environment;
  private final AwsContext aws;

  /**
   * Days KMS waits before deleting a key scheduled for deletion: the 30-day maximum outside dev.
   */
  public static int deletionWindowDays(Environment env) {
    return env == Environment.DEV ? 7 : 30;
  }

  public Keys(
      String name, Environment environment, AwsContext aws, ComponentResourceOptions options) {
    this(name, environment, KeyLayout.PER_DOMAIN, aws, options);
  }

  /**
   * @param layout one key per domain, or one key shared by every domain (plinth:keys.layout): the
   *     shared key's policy holds every domain's service statements, and every domain's alias
   *     points at it
   */
  public Keys(
      String name,
      Environment environment,
      KeyLayout layout,
      AwsContext aws,
      ComponentResourceOptions options) {
    super(TYPE, name, options);
    this.environment = environment;
    this.aws = aws;
    Map<String, Output<String>> outputs = new java.util.TreeMap<>();
    Key shared =
        layout == KeyLayout.SHARED
            ? key(
                "shared",
                "every domain (shared key)",
                java.util.Arrays.stream(KeyDomain.values()).filter(KeyDomain::everyStack).toList(),
                environment,
                aws)
            : null;
    for (KeyDomain domain : KeyDomain.values()) {
      if (!domain.everyStack()) {
        continue;
      }
      Key key =
          shared != null
              ? shared
              : key(domain.key(), domain.description(), List.of(domain), environment, aws);
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

  private Key key(
      String suffix,
      String description,
      List<KeyDomain> domains,
      Environment environment,
      AwsContext aws) {
    Output<String> policy =
        Output.tuple(aws.accountId(), aws.partition())
            .applyValue(t -> policy(domains, t.t1, t.t2, aws.region()));
    return new Key(
        child(suffix),
        KeyArgs.builder()
            .description("Plinth " + environment.key() + ": " + description)
            .enableKeyRotation(true)
            .deletionWindowInDays(deletionWindowDays(environment))
            .policy(policy)
            .build(),
        statefulOptions(environment.isProduction()));
  }

  /** The ARN of a domain's key. */
  public Output<String> arn(KeyDomain domain) {
    return keys.get(domain).arn();
  }

  /** The handle to every domain's key, for components that encrypt with one of them. */
  public KeyRing ring() {
    return new KeyRing(KeyRing.of(this::arn).arns(), drKeys);
  }

  /**
   * Adds a domain's key in the disaster-recovery region ({@code <name>-<domain>-dr}, alias {@code
   * alias/plinth/<env>/<domain>-dr}), for the domain's service to encrypt its copies there with;
   * {@link #ring()} carries it from then on.
   */
  public Output<String> addDrKey(KeyDomain domain, String region, Provider provider) {
    Key key =
        inRegion(
            child(domain.key() + "-dr"),
            domain,
            "Plinth " + environment.key() + ": " + domain.description() + " replicas in " + region,
            new DrPlacement(environment, aws, region, this, provider));
    drKeys.put(domain, key.arn());
    return key.arn();
  }

  /**
   * Where a key of another region goes: the environment (deletion window, alias, protection in
   * prod), the account (its policy), the region and the provider that creates resources there, and
   * the component it is a child of.
   */
  public record DrPlacement(
      Environment environment,
      AwsContext aws,
      String region,
      com.pulumi.resources.Resource parent,
      Provider provider) {}

  /**
   * A domain's key in another region, with yearly rotation, the environment's deletion window, the
   * domain's policy for that region (its service there may use it), protected in prod, and an alias
   * {@code alias/plinth/<stack>/<domain>-dr} ({@code <name>-alias}).
   */
  public static Key inRegion(String name, KeyDomain domain, String description, DrPlacement at) {
    return inRegion(name, domain, description, at, "-dr");
  }

  /**
   * A domain's key in another region, as {@link #inRegion(String, KeyDomain, String, DrPlacement)},
   * with the alias {@code alias/plinth/<stack>/<domain><aliasSuffix>}: alias names are unique per
   * account and region, so each purpose of a region's key takes its own suffix.
   */
  public static Key inRegion(
      String name, KeyDomain domain, String description, DrPlacement at, String aliasSuffix) {
    Environment environment = at.environment();
    AwsContext aws = at.aws();
    String region = at.region();
    CustomResourceOptions inRegion =
        CustomResourceOptions.builder().parent(at.parent()).provider(at.provider()).build();
    CustomResourceOptions keyOptions =
        CustomResourceOptions.builder()
            .parent(at.parent())
            .provider(at.provider())
            .protect(environment.isProduction())
            .build();
    var key =
        new Key(
            name,
            KeyArgs.builder()
                .description(description)
                .enableKeyRotation(true)
                .deletionWindowInDays(deletionWindowDays(environment))
                .policy(
                    Output.tuple(aws.accountId(), aws.partition())
                        .applyValue(t -> policy(domain, t.t1, t.t2, region)))
                .build(),
            keyOptions);
    new Alias(
        name + "-alias",
        AliasArgs.builder()
            .name("alias/plinth/" + aws.stack() + "/" + domain.key() + aliasSuffix)
            .targetKeyId(key.keyId())
            .build(),
        inRegion);
    return key;
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
    return policy(List.of(domain), account, partition, region);
  }

  /** The account administers the key; each of the domains' services may use it. */
  public static String policy(
      List<KeyDomain> domains, String account, String partition, String region) {
    List<Object> statements = new ArrayList<>();
    statements.add(
        obj(
            "Sid", "AccountAdministers",
            "Effect", "Allow",
            "Principal", Json.accountPrincipal(partition, account),
            "Action", "kms:*",
            "Resource", "*"));
    domains.forEach(d -> statements.addAll(d.serviceStatements(account, partition, region)));
    return Json.policy(statements.toArray());
  }
}
