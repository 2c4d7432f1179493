package dev.plinth.workloads;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Json;
import dev.plinth.config.WorkloadSettings;
import dev.plinth.data.DatabaseConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application's settings as an immutable ConfigMap whose name carries a digest of its data, so
 * that a change makes a new ConfigMap and a rollout. Endpoints, ports and the ARNs of secrets: no
 * credential.
 */
final class ApplicationConfiguration {
  private ApplicationConfiguration() {}

  static ConfigMap configMap(Application app, CustomResourceOptions inNamespace) {
    var args = app.args();
    WorkloadSettings s = args.settings();
    Output<Map<String, String>> settings =
        Output.tuple(
                host(args.database()),
                args.database().credentials().arn(),
                args.cache().endpoint(),
                args.cache().authToken().arn())
            .applyValue(t -> environment(args, t.t1, t.t2, t.t3, t.t4));
    return new ConfigMap(
        app.childName("config"),
        ConfigMapArgs.builder()
            .metadata(
                ObjectMetaArgs.builder()
                    .name(settings.applyValue(d -> s.name() + "-" + digest(d)))
                    .namespace(s.namespace())
                    .labels(app.labels())
                    .build())
            .data(settings)
            .immutable(true)
            .build(),
        inNamespace);
  }

  /**
   * The host the application connects to: the proxy's endpoint where the database has one (seeds
   * 002, 003, 004: connection pooling), else the writer's address.
   */
  static Output<String> host(DatabaseConnection database) {
    return database
        .proxy()
        .map(DatabaseConnection.ProxyAccess::endpoint)
        .orElse(database.address());
  }

  /**
   * The application's settings: endpoints, ports and the ARNs of its secrets; no credential.
   * Through a proxy, {@code DATABASE_AUTH} is {@code iam}: the application signs an IAM
   * authentication token for {@code DATABASE_USER} (RDS User Guide, "Connecting to a database using
   * IAM authentication" through RDS Proxy) instead of sending the secret's password, which the
   * proxy refuses.
   */
  static Map<String, String> environment(
      Application.Args args,
      String dbHost,
      String dbSecretArn,
      String cacheHost,
      String cacheSecretArn) {
    Map<String, String> env = new TreeMap<>();
    env.put("APP_ENV", args.environment());
    env.put("AWS_REGION", args.region());
    env.put("PORT", String.valueOf(args.settings().containerPort()));
    env.put("DATABASE_HOST", dbHost);
    env.put("DATABASE_PORT", String.valueOf(args.database().port()));
    env.put("DATABASE_NAME", args.database().databaseName());
    env.put("DATABASE_SSLMODE", "verify-full");
    env.put("DATABASE_SECRET_ARN", dbSecretArn);
    args.database()
        .proxy()
        .ifPresent(
            p -> {
              env.put("DATABASE_AUTH", "iam");
              env.put("DATABASE_USER", p.user());
            });
    env.put("REDIS_HOST", cacheHost);
    env.put("REDIS_PORT", String.valueOf(args.cache().port()));
    env.put("REDIS_TLS", "true");
    env.put("REDIS_CLUSTER_MODE", "true");
    env.put("REDIS_AUTH_SECRET_ARN", cacheSecretArn);
    return env;
  }

  /** A short digest of the settings, so that a change makes a new ConfigMap and a rollout. */
  static String digest(Map<String, String> data) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.write(new TreeMap<>(data)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
