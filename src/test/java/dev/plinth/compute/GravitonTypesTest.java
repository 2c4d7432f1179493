package dev.plinth.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.config.ClusterSettings.Architecture;
import dev.plinth.plan.RecordedResource;
import dev.plinth.testing.Plans;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which instance types run arm64: the EC2 naming convention's {@code g} capability (Graviton), or
 * a1; GPU families (g4dn, g5) and AMD ones (g4ad, m7a) are x86_64.
 */
class GravitonTypesTest {

  @ParameterizedTest(name = "{0}: Graviton {1}")
  @CsvSource({
    "t4g.medium, true",
    "m7g.large, true",
    "r7g.large, true",
    "c6gn.xlarge, true",
    "x2gd.large, true",
    "g5g.xlarge, true",
    "a1.large, true",
    "t3.medium, false",
    "m6i.large, false",
    "m7i-flex.large, false",
    "g4dn.xlarge, false",
    "g4ad.xlarge, false",
    "g5.xlarge, false",
    "m7a.large, false"
  })
  void anInstanceTypeIsGravitonByItsFamilysCapabilities(String type, boolean graviton) {
    assertThat(ClusterValidation.isGraviton(type)).as("arm64 of %s", type).isEqualTo(graviton);
  }

  /**
   * {@link dev.plinth.config.Tier#overlay} sets x86_64 nodes with a tier's node type, so a staging
   * stack that mirrors a tier (arm64 preset) is not refused for a type mismatch: every tier's node
   * type must be an x86_64 one.
   */
  @org.junit.jupiter.api.Test
  void everyTiersNodeTypeIsX86SinceTheOverlaySetsX86Nodes() {
    for (var tier : dev.plinth.config.Tier.all()) {
      assertThat(ClusterValidation.isGraviton(tier.sizing().nodeInstanceType()))
          .as("tier %s node type %s", tier.key(), tier.sizing().nodeInstanceType())
          .isFalse();
    }
  }

  /**
   * The Amazon Linux 2023 values of botocore 1.43.11's eks 2017-11-01 AMITypes enum (read
   * 2026-12-02): the node group's amiType must be one of them, or CreateNodegroup refuses it.
   */
  static final List<String> AL2023_AMI_TYPES =
      List.of(
          "AL2023_x86_64_STANDARD",
          "AL2023_ARM_64_STANDARD",
          "AL2023_x86_64_NEURON",
          "AL2023_x86_64_NVIDIA",
          "AL2023_ARM_64_NVIDIA");

  @org.junit.jupiter.api.Test
  void everyArchitectureNamesAStandardAl2023AmiTypeEksKnows() {
    for (Architecture a : Architecture.values()) {
      assertThat(a.amiType()).as("amiType of %s", a.key()).isIn(AL2023_AMI_TYPES);
      assertThat(a.amiType()).as("amiType of %s", a.key()).endsWith("_STANDARD");
    }
    assertThat(Architecture.ARM64.amiType()).contains("ARM_64");
    assertThat(Architecture.X86_64.amiType()).contains("x86_64");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "dev, AL2023_ARM_64_STANDARD",
    "staging, AL2023_ARM_64_STANDARD",
    "prod, AL2023_x86_64_STANDARD"
  })
  void eachStacksNodeGroupRunsTheAmiOfItsArchitecture(String env, String amiType) {
    RecordedResource nodes =
        Plans.ofStack(env).get("aws:eks/nodeGroup:NodeGroup", env + "-cluster-nodes");

    assertThat(nodes.text("amiType")).as("amiType of %s", nodes).isEqualTo(amiType);
    assertThat(ClusterValidation.isGraviton(nodes.text("instanceTypes.0")))
        .as("instance type of %s runs %s", nodes, amiType)
        .isEqualTo(amiType.contains("ARM"));
  }
}
