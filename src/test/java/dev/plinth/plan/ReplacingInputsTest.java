package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplacingInputsTest {
  private static final ReplacingInputs TABLE = ReplacingInputs.load();

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyTypeAStackRegistersIsInTheTable(String stack) throws Exception {
    var run = PlanCommandTest.plan(stack, "--json", "--policy", "off");
    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    var missing = new TreeSet<String>();
    for (JsonNode step : new ObjectMapper().readTree(run.out()).get("steps")) {
      JsonNode state = step.get("newState");
      String type = state.get("type").asText();
      if (state.get("custom").asBoolean() && !type.startsWith("pulumi:providers:")) {
        if (!TABLE.types().contains(type)) {
          missing.add(type + " (" + step.get("urn").asText() + ")");
        }
      }
    }
    assertThat(missing).as("types of " + stack + " missing from replacing-inputs.csv").isEmpty();
  }

  @Test
  void nestedPathsMatchTheirRowByPrefix() {
    assertThat(TABLE.replacing("aws:eks/nodeGroup:NodeGroup", "launchTemplate.id"))
        .as("node group launchTemplate.id")
        .contains("launchTemplate.id");
    assertThat(TABLE.replacing("aws:eks/nodeGroup:NodeGroup", "launchTemplate.version"))
        .as("node group launchTemplate.version updates in place")
        .isEmpty();
    assertThat(TABLE.replacing("aws:eks/nodeGroup:NodeGroup", "remoteAccess.ec2SshKey"))
        .as("node group remoteAccess.ec2SshKey")
        .isPresent();
    assertThat(TABLE.replacing("aws:rds/instance:Instance", "s3Import"))
        .as("a whole s3Import block added to an RDS instance")
        .isPresent();
    assertThat(TABLE.replacing("aws:rds/instance:Instance", "instanceClass"))
        .as("RDS instanceClass updates in place")
        .isEmpty();
    assertThat(TABLE.replacing("aws:backup/selection:Selection", "selectionTags[0].key"))
        .as("list indexes are ignored")
        .isPresent();
  }

  @Test
  void operatorInstanceReplacesOnPlacementOrRootKeyButUpdatesTypeProfileAndMetadataInPlace() {
    String instance = "aws:ec2/instance:Instance";
    for (String path :
        List.of("subnetId", "associatePublicIpAddress", "rootBlockDevice.kmsKeyId")) {
      assertThat(TABLE.replacing(instance, path)).as("operator instance " + path).isPresent();
    }
    for (String path :
        List.of(
            "instanceType",
            "iamInstanceProfile",
            "vpcSecurityGroupIds",
            "metadataOptions.httpPutResponseHopLimit",
            "rootBlockDevice.volumeSize",
            "userData")) {
      assertThat(TABLE.replacing(instance, path))
          .as("operator instance " + path + " updates in place")
          .isEmpty();
    }
  }

  @Test
  void instanceProfileAndSessionPreferencesReplaceOnlyOnTheirName() {
    String profile = "aws:iam/instanceProfile:InstanceProfile";
    assertThat(TABLE.replacing(profile, "name")).as("instance profile name").isPresent();
    assertThat(TABLE.replacing(profile, "role"))
        .as("instance profile role updates in place")
        .isEmpty();
    String document = "aws:ssm/document:Document";
    assertThat(TABLE.replacing(document, "name")).as("session preferences name").isPresent();
    assertThat(TABLE.replacing(document, "content"))
        .as("session preferences content updates in place")
        .isEmpty();
  }
}
