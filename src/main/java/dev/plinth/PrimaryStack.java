package dev.plinth;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import dev.plinth.config.PlatformConfig;
import java.util.Optional;

/**
 * What a standby reads from its primary stack: the outputs of {@code plinth:dr.primaryStack},
 * through a Pulumi {@link StackReference} (the Java SDK's {@code
 * com.pulumi.resources.StackReference}, an {@code Output} per stack output, secret where the
 * primary's is). Offline, the mock cloud answers it with the outputs of the primary's own plan
 * ({@code dev.plinth.plan.MockCloud}); the program is the same under {@code pulumi up}.
 *
 * @param region the primary's region (its {@code region} output)
 * @param databaseArn the primary's PostgreSQL instance ARN ({@code dbArn}), the source of the
 *     standby's cross-region read replica
 * @param databaseSecretArn the secret with the database credentials ({@code dbMasterSecretArn})
 * @param databaseSecretKeyArn the key of that secret's replica in the primary's DR region, the
 *     standby's ({@code secretsDrKeyArn}): what the standby's application decrypts it with
 * @param cacheGlobalDatastoreId the full id of the ElastiCache global datastore whose primary is
 *     the primary's cache ({@code cacheGlobalReplicationGroupId}); read only when the standby's
 *     {@code plinth:dr.cache} is {@code globalDatastore} (the pair's check holds the primary's
 *     equal, so the primary exports it), empty otherwise
 * @param cdnOriginSecret the secret of the CDN's origin header ({@code cdnOriginSecret}, a secret
 *     output), which the primary's distribution sends to whichever load balancer the pair's origin
 *     record names; read only when the standby's {@code plinth:edge.cdn.enabled} (the pair's check
 *     holds the primary's equal), empty otherwise
 */
public record PrimaryStack(
    Output<String> region,
    Output<String> databaseArn,
    Output<String> databaseSecretArn,
    Output<String> databaseSecretKeyArn,
    Optional<Output<String>> cacheGlobalDatastoreId,
    Optional<Output<String>> cdnOriginSecret) {

  /** The primary's output with its CDN origin header's secret ({@code Platform} exports it). */
  public static final String CDN_ORIGIN_SECRET_OUTPUT = "cdnOriginSecret";

  /** The primary's output naming its global datastore ({@code Platform} exports it). */
  public static final String CACHE_GLOBAL_DATASTORE_OUTPUT = "cacheGlobalReplicationGroupId";

  /**
   * The fully qualified name of a stack of this project: {@code <organization>/<project>/<stack>}.
   * Pulumi Cloud names the stack's organization; a self-managed (DIY) backend takes the literal
   * organization {@code organization} (Pulumi automation API, fullyQualifiedStackName: "Non-legacy
   * DIY backends do support the org/project/stack format, but org must be set to 'organization'"),
   * which is what the engine reports there as the organization name.
   */
  public static String fullyQualifiedName(String organization, String project, String stack) {
    String org = organization == null || organization.isBlank() ? "organization" : organization;
    return org + "/" + project + "/" + stack;
  }

  /** The standby's reference to its primary, named {@code <stack>-primary}. */
  public static PrimaryStack read(Context ctx, PlatformConfig config) {
    var reference =
        new StackReference(
            config.prefix() + "-primary",
            StackReferenceArgs.builder()
                .name(
                    fullyQualifiedName(
                        ctx.organizationName(), ctx.projectName(), config.dr().primaryStack()))
                .build());
    return new PrimaryStack(
        text(reference, "region"),
        text(reference, "dbArn"),
        text(reference, "dbMasterSecretArn"),
        text(reference, "secretsDrKeyArn"),
        config.dr().globalDatastore()
            ? Optional.of(text(reference, CACHE_GLOBAL_DATASTORE_OUTPUT))
            : Optional.empty(),
        config.edge().cdn().enabled()
            ? Optional.of(text(reference, CDN_ORIGIN_SECRET_OUTPUT))
            : Optional.empty());
  }

  private static Output<String> text(StackReference reference, String output) {
    return reference.requireOutput(output).applyValue(String::valueOf);
  }

  /**
   * The credentials secret's ARN in {@code region}: a secret replicated to another region keeps its
   * name, and its ARN differs only in the region (Secrets Manager User Guide, "Replicate secrets
   * across Regions"); the primary replicates it to its DR region, the standby's.
   */
  public Output<String> databaseSecretArnIn(String standbyRegion) {
    return Output.tuple(databaseSecretArn, region)
        .applyValue(
            t ->
                t.t1.isEmpty()
                    ? ""
                    : t.t1.replace(
                        ":secretsmanager:" + t.t2 + ":", ":secretsmanager:" + standbyRegion + ":"));
  }
}
