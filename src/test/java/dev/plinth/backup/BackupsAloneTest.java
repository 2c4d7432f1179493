package dev.plinth.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.plinth.DrRegion;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import dev.plinth.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Backups built alone, from hand-made keys, database ARN and disaster-recovery region. */
class BackupsAloneTest {
  /** A disaster-recovery region no preset names, so a test sees that the handle's is used. */
  static final String DR_REGION = "eu-west-1";

  static final String DATABASE = "arn:aws:rds:us-east-1:" + Handles.ACCOUNT + ":db:test-db-primary";

  static ResourceGraph backups(String env) {
    var config = Plans.config(env);
    return Handles.build(
        ctx ->
            new Backups(
                "test-backups",
                new Backups.Args(
                    config.backups(),
                    config.environment(),
                    Handles.aws(),
                    Handles.keys(),
                    Output.of(DATABASE),
                    new DrRegion(
                        DR_REGION,
                        new Provider(
                            "test-aws-dr", ProviderArgs.builder().region(DR_REGION).build()))),
                ComponentResourceOptions.builder().build()));
  }

  @Test
  void backupsCopyToTheDrProvidersRegion() {
    ResourceGraph graph = backups("prod");
    String drProvider = graph.get("pulumi:providers:aws", "test-aws-dr").urn();
    RecordedResource replication =
        graph.get(
            "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "test-backups-replication");
    RecordedResource plan = graph.get("aws:backup/plan:Plan", "test-backups-plan");

    for (String name :
        List.of(
            "test-backups-dr-key",
            "test-backups-dr-bucket",
            "test-backups-dr-access-logs",
            "test-backups-dr-bucket-logging",
            "test-backups-dr-vault")) {
      RecordedResource inDr = graph.where(r -> r.name().equals(name)).get(0);
      assertThat(inDr.provider()).as("provider of %s", inDr).startsWith(drProvider);
    }
    assertThat(replication.text("rules.0.id"))
        .as("rule of %s", replication)
        .isEqualTo("to-" + DR_REGION);
    assertThat(replication.text("rules.0.destination.encryptionConfiguration.replicaKmsKeyId"))
        .as("key of the replicas of %s", replication)
        .startsWith("arn:aws:kms:" + DR_REGION + ":");
    assertThat(plan.text("rules.0.copyActions.0.destinationVaultArn"))
        .as("copy destination of %s", plan)
        .contains(":" + DR_REGION + ":");
    assertThat(graph.get("aws:kms/key:Key", "test-backups-dr-key").text("policy"))
        .as("policy of test-backups-dr-key")
        .contains(DR_REGION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging"})
  void outsideProdNothingIsCreatedThroughTheDrProvider(String env) {
    ResourceGraph graph = backups(env);
    String drProvider = graph.get("pulumi:providers:aws", "test-aws-dr").urn();

    assertThat(graph.where(r -> r.provider() != null && r.provider().startsWith(drProvider)))
        .as("resources in the DR region in %s", env)
        .isEmpty();
    assertThat(graph.get("aws:backup/plan:Plan", "test-backups-plan").input("rules.0.copyActions"))
        .as("copy actions in %s", env)
        .isEmpty();
  }

  @Test
  void theSelectionBacksUpExactlyTheGivenDatabase() {
    RecordedResource selection =
        backups("staging").get("aws:backup/selection:Selection", "test-backups-database");

    assertThat(selection.input("resources").orElseThrow().size())
        .as("resources of %s", selection)
        .isEqualTo(1);
    assertThat(selection.text("resources.0")).as("resource of %s", selection).isEqualTo(DATABASE);
  }

  @Test
  void theBucketAndVaultAreEncryptedUnderTheBackupKey() {
    ResourceGraph graph = backups("staging");
    RecordedResource sse =
        graph.get(
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
            "test-backups-bucket-encryption");
    RecordedResource vault = graph.get("aws:backup/vault:Vault", "test-backups-vault");

    assertThat(sse.text("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"))
        .as("key of %s", sse)
        .isEqualTo(Handles.keyArn("backup"));
    assertThat(vault.text("kmsKeyArn")).as("key of %s", vault).isEqualTo(Handles.keyArn("backup"));
  }
}
