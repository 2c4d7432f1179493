package dev.plinth.data;

import com.pulumi.aws.secretsmanager.inputs.SecretReplicaArgs;
import com.pulumi.core.Output;
import dev.plinth.DrRegion;
import dev.plinth.keys.KeyDomain;
import dev.plinth.keys.KeyRing;
import java.util.List;
import java.util.Optional;

/**
 * Where a secret's replica goes: the disaster-recovery region and the secrets key of that region.
 * Secrets Manager keeps a replica in sync with its primary (each new version is replicated), and a
 * replica can be promoted to a standalone secret when the home region is lost (Secrets Manager User
 * Guide, "Multi-Region secrets"). The replica names its KMS key: without one, Secrets Manager uses
 * {@code aws/secretsmanager} of that region (secretsmanager 2017-10-17 ReplicaRegionType, fields
 * {@code Region} and {@code KmsKeyId}, the members of CreateSecret's and ReplicateSecretToRegions'
 * {@code AddReplicaRegions}, an AddReplicaRegionListType).
 */
public record SecretReplication(String region, Output<String> keyArn) {
  /**
   * The replication of the stack's secrets: to the DR region, under its secrets key, where the ring
   * has one (when {@code plinth:backups.crossRegion} is on); none otherwise.
   */
  public static Optional<SecretReplication> of(KeyRing keys, DrRegion dr) {
    return keys.drArn(KeyDomain.SECRETS).map(arn -> new SecretReplication(dr.region(), arn));
  }

  /** The secret's {@code replicas} input. */
  List<SecretReplicaArgs> replicas() {
    return List.of(SecretReplicaArgs.builder().region(region).kmsKeyId(keyArn).build());
  }
}
