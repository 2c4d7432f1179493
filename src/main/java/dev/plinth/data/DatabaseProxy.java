package dev.plinth.data;

import static dev.plinth.Json.obj;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.Proxy;
import com.pulumi.aws.rds.ProxyArgs;
import com.pulumi.aws.rds.ProxyDefaultTargetGroup;
import com.pulumi.aws.rds.ProxyDefaultTargetGroupArgs;
import com.pulumi.aws.rds.ProxyTarget;
import com.pulumi.aws.rds.ProxyTargetArgs;
import com.pulumi.aws.rds.inputs.ProxyAuthArgs;
import com.pulumi.aws.rds.inputs.ProxyDefaultTargetGroupConnectionPoolConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Json;
import dev.plinth.config.ProxySettings;
import java.util.List;

/**
 * RDS Proxy in front of the primary ({@code <db>-proxy}): the application connects to it with IAM
 * authentication over TLS, and it logs in to PostgreSQL with the credentials of Plinth's master
 * secret ({@link MasterCredentials}, {@code plinth/<stack>/db-master}), which hold the username and
 * password an RDS Proxy secret needs (RDS User Guide, "Setting up database credentials in AWS
 * Secrets Manager for RDS Proxy"). It runs in the database subnets with a security group of its own
 * ({@code <db>-proxy-sg}) that admits PostgreSQL from the application tier only and reaches the
 * database's group on its port; the database's group admits it ({@code <db>-sg-from-proxy}). Its
 * role ({@code <db>-proxy-role}) may read that one secret and decrypt with its key through Secrets
 * Manager, nothing else. The pool's settings are {@code plinth:database.proxy}.
 */
final class DatabaseProxy {
  private DatabaseProxy() {}

  /**
   * RDS Proxy's name for the PostgreSQL protocol (botocore rds 2014-10-31, EngineFamily enum:
   * MYSQL, POSTGRESQL, SQLSERVER).
   */
  static final String ENGINE_FAMILY = "POSTGRESQL";

  /**
   * The proxy reads the database's credentials from Secrets Manager (UserAuthConfig.AuthScheme).
   */
  static final String AUTH_SCHEME = "SECRETS";

  /**
   * Clients must authenticate with IAM (UserAuthConfig.IAMAuth: DISABLED | REQUIRED | ENABLED, and
   * "The ENABLED value is valid only for proxies with RDS for Microsoft SQL Server").
   */
  static final String IAM_AUTH = "REQUIRED";

  /**
   * The proxy's own password check for clients, PostgreSQL's default (UserAuthConfig
   * .ClientPasswordAuthType: "RDS for PostgreSQL: POSTGRES_SCRAM_SHA_256"); with IAM required the
   * token takes the password's place.
   */
  static final String CLIENT_PASSWORD_AUTH = "POSTGRES_SCRAM_SHA_256";

  /** The target group every proxy has, which the default target group resource configures. */
  static final String TARGET_GROUP = "default";

  /** What the proxy gives the database component: the proxy and its security group. */
  record Built(Proxy proxy, SecurityGroup group) {}

  /**
   * The proxy of {@code db}'s primary: its security group and the rules that tie it to the
   * application and the database, its role, the proxy, its pool and its target.
   */
  static Built create(
      Database db,
      Database.Args args,
      Instance primary,
      SecretRef masterSecret,
      SecurityGroup databaseGroup) {
    String prefix = db.name() + "-proxy";
    CustomResourceOptions inDb = CustomResourceOptions.builder().parent(db).build();
    ProxySettings s = args.settings().proxy();
    var group = securityGroup(prefix, args, databaseGroup, inDb);
    DataSecurityGroups.callerOnPort(
        databaseGroup.id(),
        group.id(),
        Database.PORT,
        prefix + "-sg-to-db",
        "PostgreSQL, to the primary",
        db.name() + "-sg-from-proxy",
        "PostgreSQL from the connection pool (RDS Proxy)",
        inDb);
    var role = role(prefix, args, masterSecret, inDb);
    var proxy =
        new Proxy(
            prefix,
            ProxyArgs.builder()
                .name(prefix)
                .engineFamily(ENGINE_FAMILY)
                .requireTls(true)
                .idleClientTimeout(s.idleClientTimeoutSeconds())
                .debugLogging(false)
                .roleArn(role.arn())
                .vpcSubnetIds(args.placement().subnetIds())
                .vpcSecurityGroupIds(group.id().applyValue(List::of))
                .auths(
                    ProxyAuthArgs.builder()
                        .description(
                            "The master credentials of plinth/"
                                + args.aws().stack()
                                + "/"
                                + MasterCredentials.SECRET_NAME)
                        .authScheme(AUTH_SCHEME)
                        .iamAuth(IAM_AUTH)
                        .clientPasswordAuthType(CLIENT_PASSWORD_AUTH)
                        .secretArn(masterSecret.arn())
                        .build())
                .build(),
            inDb);
    var pool =
        new ProxyDefaultTargetGroup(
            prefix + "-pool",
            ProxyDefaultTargetGroupArgs.builder()
                .dbProxyName(proxy.name())
                .connectionPoolConfig(
                    ProxyDefaultTargetGroupConnectionPoolConfigArgs.builder()
                        .maxConnectionsPercent(s.maxConnectionsPercent())
                        .build())
                .build(),
            inDb);
    new ProxyTarget(
        prefix + "-target",
        ProxyTargetArgs.builder()
            .dbProxyName(proxy.name())
            .targetGroupName(TARGET_GROUP)
            .dbInstanceIdentifier(primary.identifier())
            .build(),
        CustomResourceOptions.builder().parent(db).dependsOn(pool).build());
    return new Built(proxy, group);
  }

  /**
   * The proxy's security group ({@code <db>-proxy-sg}): PostgreSQL in from the application tier
   * only, and out to the database's group on its port only.
   */
  private static SecurityGroup securityGroup(
      String prefix, Database.Args args, SecurityGroup databaseGroup, CustomResourceOptions inDb) {
    var group =
        DataSecurityGroups.onlyFromApp(
            prefix + "-sg",
            "RDS Proxy",
            Database.PORT,
            args.placement().vpcId(),
            args.appTier().securityGroupId(),
            inDb);
    return group;
  }

  /**
   * The role RDS Proxy assumes ({@code <db>-proxy-role}), with one inline policy: read the master
   * secret, and decrypt with its key only through Secrets Manager in this region (the policy of the
   * RDS User Guide, "Setting up AWS Identity and Access Management (IAM) policies" for RDS Proxy).
   */
  private static Role role(
      String prefix, Database.Args args, SecretRef secret, CustomResourceOptions inDb) {
    var role =
        new Role(
            prefix + "-role",
            RoleArgs.builder()
                .description("RDS Proxy " + prefix + ": reads the database's master secret")
                .assumeRolePolicy(
                    Json.policy(
                        obj(
                            "Effect", "Allow",
                            "Principal", obj("Service", "rds.amazonaws.com"),
                            "Action", "sts:AssumeRole")))
                .build(),
            inDb);
    new RolePolicy(
        prefix + "-role-policy",
        RolePolicyArgs.builder()
            .role(role.id())
            .policy(
                Output.tuple(secret.arn(), secret.keyArn())
                    .applyValue(t -> secretPolicy(t.t1, t.t2, args.aws().region())))
            .build(),
        inDb);
    return role;
  }

  /** GetSecretValue on the secret; Decrypt with its key, only through Secrets Manager. */
  static String secretPolicy(String secretArn, String keyArn, String region) {
    return Json.policy(
        obj(
            "Sid",
            "ReadTheMasterSecret",
            "Effect",
            "Allow",
            "Action",
            "secretsmanager:GetSecretValue",
            "Resource",
            secretArn),
        obj(
            "Sid",
            "DecryptTheMasterSecret",
            "Effect",
            "Allow",
            "Action",
            "kms:Decrypt",
            "Resource",
            keyArn,
            "Condition",
            obj(
                "StringEquals",
                obj("kms:ViaService", "secretsmanager." + region + ".amazonaws.com"))));
  }

  /**
   * The IAM resource a client is allowed to connect as: {@code
   * arn:<partition>:rds-db:<region>:<account>:dbuser:<proxy resource id>/<user>}, where the proxy's
   * resource id is the {@code prx-...} that ends its ARN (Service Authorization Reference, Amazon
   * RDS IAM Authentication, resource type db-user: {@code
   * arn:${Partition}:rds-db:${Region}:${Account}:dbuser:${DbiResourceId}/${DbUserName}}; RDS User
   * Guide, "Connecting to a database using IAM authentication" through RDS Proxy, whose policy
   * names {@code dbuser:prx-ABCDEFGHIJKL01234/db_user}).
   */
  static String dbUserArn(String proxyArn, String user) {
    String[] parts = proxyArn.split(":");
    if (parts.length < 7 || !parts[5].equals("db-proxy")) {
      throw new IllegalArgumentException("not an RDS Proxy ARN: " + proxyArn);
    }
    return String.join(":", "arn", parts[1], "rds-db", parts[3], parts[4], "dbuser", parts[6])
        + "/"
        + user;
  }
}
