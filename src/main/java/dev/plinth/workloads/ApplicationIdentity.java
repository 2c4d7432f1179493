package dev.plinth.workloads;

import static dev.plinth.Json.obj;
import static dev.plinth.workloads.Application.ROLE_ANNOTATION;

import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Json;
import dev.plinth.compute.Irsa;
import dev.plinth.config.WorkloadSettings;
import java.util.List;
import java.util.Map;

/**
 * Who the application is to AWS: an IAM role for exactly its service account (IRSA), which may read
 * exactly the database's and the cache's secrets, and the service account that names it.
 */
final class ApplicationIdentity {
  private ApplicationIdentity() {}

  static Role role(Application app) {
    var args = app.args();
    WorkloadSettings s = args.settings();
    return Irsa.withPolicy(
        app.childName("role"),
        String.format(
            "IRSA for %s/%s: reads its database and cache secrets", s.namespace(), s.name()),
        args.cluster().oidcProviderArn(),
        args.cluster().oidcIssuer(),
        s.namespace(),
        s.name(),
        Output.tuple(
                args.database().credentials().arn(),
                args.database().credentials().keyArn(),
                args.cache().authToken().arn(),
                args.cache().authToken().keyArn(),
                proxyUser(args.database()))
            .applyValue(
                t -> {
                  List<Object> statements =
                      new java.util.ArrayList<>(
                          secretsStatements(t.t1, t.t2, t.t3, t.t4, args.region()));
                  if (!t.t5.isEmpty()) {
                    statements.add(proxyConnect(t.t5));
                  }
                  return Json.policy(statements.toArray());
                }),
        app.awsOptions());
  }

  static ServiceAccount serviceAccount(
      Application app, Role role, CustomResourceOptions inNamespace) {
    WorkloadSettings s = app.args().settings();
    return new ServiceAccount(
        app.childName("service-account"),
        ServiceAccountArgs.builder()
            .metadata(
                ObjectMetaArgs.builder()
                    .name(s.name())
                    .namespace(s.namespace())
                    .labels(app.labels())
                    .annotations(
                        role.arn()
                            .applyValue(
                                arn ->
                                    Map.of(
                                        ROLE_ANNOTATION,
                                        arn,
                                        "eks.amazonaws.com/sts-regional-endpoints",
                                        "true")))
                    .build())
            .build(),
        inNamespace);
  }

  /** The proxy's {@code rds-db} user ARN, or empty where the database has no proxy. */
  static Output<String> proxyUser(dev.plinth.data.DatabaseConnection database) {
    return database
        .proxy()
        .map(dev.plinth.data.DatabaseConnection.ProxyAccess::dbUserArn)
        .orElse(Output.of(""));
  }

  /**
   * {@code rds-db:connect} as the database user through the proxy, on exactly that user's ARN
   * ({@code arn:aws:rds-db:<region>:<account>:dbuser:prx-.../<user>}; RDS User Guide, "Connecting
   * to a database using IAM authentication" through RDS Proxy).
   */
  static Object proxyConnect(String dbUserArn) {
    return obj(
        "Sid", "ConnectThroughTheProxy",
        "Effect", "Allow",
        "Action", "rds-db:connect",
        "Resource", dbUserArn);
  }

  /**
   * Read exactly the two secrets, and decrypt with the secrets key only through Secrets Manager in
   * this region.
   */
  static String secretsPolicy(
      String databaseSecretArn,
      String databaseKeyArn,
      String cacheSecretArn,
      String cacheKeyArn,
      String region) {
    return Json.policy(
        secretsStatements(databaseSecretArn, databaseKeyArn, cacheSecretArn, cacheKeyArn, region)
            .toArray());
  }

  /** The statements of {@link #secretsPolicy}. */
  static List<Object> secretsStatements(
      String databaseSecretArn,
      String databaseKeyArn,
      String cacheSecretArn,
      String cacheKeyArn,
      String region) {
    // Both secrets are under the secrets key today: one resource then, both if they ever differ.
    List<String> keys = java.util.stream.Stream.of(databaseKeyArn, cacheKeyArn).distinct().toList();
    return List.of(
        obj(
            "Sid",
            "ReadDatabaseAndCacheSecrets",
            "Effect",
            "Allow",
            "Action",
            List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
            "Resource",
            List.of(databaseSecretArn, cacheSecretArn)),
        obj(
            "Sid",
            "DecryptThroughSecretsManager",
            "Effect",
            "Allow",
            "Action",
            "kms:Decrypt",
            "Resource",
            keys.size() == 1 ? keys.get(0) : keys,
            "Condition",
            obj(
                "StringEquals",
                obj("kms:ViaService", "secretsmanager." + region + ".amazonaws.com"))));
  }
}
