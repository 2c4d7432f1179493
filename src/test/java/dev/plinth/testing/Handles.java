package dev.plinth.testing;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.plinth.AwsContext;
import dev.plinth.DrRegion;
import dev.plinth.compute.ClusterAccess;
import dev.plinth.data.CacheConnection;
import dev.plinth.data.DatabaseConnection;
import dev.plinth.data.SecretRef;
import dev.plinth.edge.TargetGroupRef;
import dev.plinth.keys.KeyRing;
import dev.plinth.keys.LogStorage;
import dev.plinth.network.AppTier;
import dev.plinth.network.DataPlacement;
import dev.plinth.network.Placement;
import dev.plinth.plan.MockCloud;
import dev.plinth.plan.Recorder;
import dev.plinth.plan.ResourceGraph;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hand-made handles, for building one component alone (as pulumi-eks tests a node group against a
 * hand-made cluster): every value is an {@code Output.of(...)} with a recognisable fake, so a test
 * can see where the component used it. Call them inside the program given to {@link #build}: the
 * providers among them are resources, registered in the test's stack.
 */
public final class Handles {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = MockCloud.ACCOUNT_ID;
  public static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

  private Handles() {}

  /** Runs a program (one component built from handles) under the mock engine, stack "test". */
  public static ResourceGraph build(Consumer<Context> program) {
    return Recorder.run("test", REGION, program);
  }

  /** The account context, through a provider named {@code test-aws} in {@value #REGION}. */
  public static AwsContext aws() {
    return AwsContext.of(
        new Provider("test-aws", ProviderArgs.builder().region(REGION).build()), REGION, "test");
  }

  /** A fake key ARN per domain: {@code arn:aws:kms:us-east-1:123456789012:key/<domain>}. */
  public static String keyArn(String domain) {
    return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + domain;
  }

  public static KeyRing keys() {
    return KeyRing.of(domain -> Output.of(keyArn(domain.key())));
  }

  /** Logs under the logs key, kept 30 days (applications' 14). */
  public static LogStorage logs() {
    return new LogStorage(Output.of(keyArn("logs")), 30, 14);
  }

  public static final String VPC = "vpc-test";

  /** A tier's three subnets: {@code subnet-<tier>-a}, {@code -b}, {@code -c}. */
  public static Placement placement(String tier) {
    return new Placement(
        Output.of(VPC),
        Output.of(
            List.of("subnet-" + tier + "-a", "subnet-" + tier + "-b", "subnet-" + tier + "-c")),
        Output.of(ZONES));
  }

  /** A data store's subnet group, named {@code <store>-subnets}. */
  public static DataPlacement dataPlacement(String store) {
    return new DataPlacement(
        Output.of(VPC),
        Output.of(store + "-subnets"),
        Output.of(ZONES),
        Output.of(List.of(store + "-subnet-a", store + "-subnet-b")));
  }

  public static final String APP_SECURITY_GROUP = "sg-app";

  public static AppTier appTier() {
    return new AppTier(
        Output.of(APP_SECURITY_GROUP),
        Output.of(List.of("subnet-private-a", "subnet-private-b", "subnet-private-c")));
  }

  /** The disaster-recovery region us-west-2, through a provider named {@code test-aws-dr}. */
  public static DrRegion dr() {
    return new DrRegion(
        "us-west-2",
        new Provider("test-aws-dr", ProviderArgs.builder().region("us-west-2").build()));
  }

  public static final String OIDC_ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/TEST";
  public static final String OIDC_PROVIDER_ARN =
      "arn:aws:iam::" + ACCOUNT + ":oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/TEST";

  /**
   * Access to a cluster {@code plinth-test} of this version, through a Kubernetes provider named
   * {@code test-k8s}; what it creates waits for {@code readyAfter}.
   */
  public static ClusterAccess cluster(String version, List<Resource> readyAfter) {
    return new ClusterAccess(
        Output.of("plinth-test"),
        version,
        Output.of(OIDC_PROVIDER_ARN),
        Output.of(OIDC_ISSUER),
        new com.pulumi.kubernetes.Provider(
            "test-k8s", com.pulumi.kubernetes.ProviderArgs.builder().kubeconfig("{}").build()),
        readyAfter);
  }

  public static final String DATABASE_SECRET =
      "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:rds!db-test";
  public static final String CACHE_SECRET =
      "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:plinth/test/cache-auth-token";

  public static DatabaseConnection database() {
    return new DatabaseConnection(
        Output.of("db.test.internal"),
        5432,
        "plinth",
        new SecretRef(Output.of(DATABASE_SECRET), Output.of(keyArn("secrets"))));
  }

  public static CacheConnection cache() {
    return new CacheConnection(
        Output.of("cache.test.internal"),
        6379,
        new SecretRef(Output.of(CACHE_SECRET), Output.of(keyArn("secrets"))));
  }

  public static final String TARGET_GROUP =
      "arn:aws:elasticloadbalancing:us-east-1:"
          + ACCOUNT
          + ":targetgroup/test-app/0123456789abcdef";

  /** The application's target group, draining targets for 30 s. */
  public static TargetGroupRef targetGroup() {
    return new TargetGroupRef(
        Output.of(TARGET_GROUP), Output.of("targetgroup/test-app/0123456789abcdef"), 30);
  }
}
