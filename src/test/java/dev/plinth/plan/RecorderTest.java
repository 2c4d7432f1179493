package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetAmiArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.plinth.Platform;
import dev.plinth.testing.Plans;
import org.junit.jupiter.api.Test;

class RecorderTest {

  @Test
  void anInvokeTheMocksDoNotKnowFailsThePlanNamingItsToken() {
    assertThatThrownBy(
            () ->
                Recorder.run(
                    "t",
                    "us-east-1",
                    ctx ->
                        ctx.export(
                            "ami",
                            Ec2Functions.getAmi(
                                    GetAmiArgs.builder().mostRecent(true).owners("amazon").build())
                                .applyValue(r -> r.id()))))
        .isInstanceOf(Recorder.PlanFailure.class)
        .hasMessageContaining("aws:ec2/getAmi:getAmi");
  }

  @Test
  void secretInputsAreRecordedAsSecretAndTheirValueAppearsNowhere() {
    ResourceGraph graph =
        Recorder.run(
            "t",
            "us-east-1",
            ctx ->
                new Parameter(
                    "p",
                    ParameterArgs.builder()
                        .type("SecureString")
                        .value(Output.ofSecret("hunter2-plaintext"))
                        .build()));

    RecordedResource parameter = graph.get("aws:ssm/parameter:Parameter", "p");
    assertThat(parameter.text("value")).isEqualTo("[secret]");
    assertThat(PreviewJson.of(graph, Plans.config("dev")).toString()).doesNotContain("hunter2");
  }

  @Test
  void protectAndRetainOnDeleteAreReadOffTheRegistration() {
    ResourceGraph graph =
        Recorder.run(
            "t",
            "us-east-1",
            ctx -> {
              new Parameter(
                  "kept",
                  ParameterArgs.builder().type("String").value("v").build(),
                  CustomResourceOptions.builder().protect(true).retainOnDelete(true).build());
              new Parameter("plain", ParameterArgs.builder().type("String").value("v").build());
            });

    assertThat(graph.get("aws:ssm/parameter:Parameter", "kept").protect()).isTrue();
    assertThat(graph.get("aws:ssm/parameter:Parameter", "kept").retainOnDelete()).isTrue();
    assertThat(graph.get("aws:ssm/parameter:Parameter", "plain").protect()).isFalse();
  }

  @Test
  void aDependencyNoInputComesFromIsRecordedAsExplicitOnly() {
    ResourceGraph graph =
        Recorder.run(
            "t",
            "us-east-1",
            ctx -> {
              var source =
                  new Parameter(
                      "source", ParameterArgs.builder().type("String").value("v").build());
              new Parameter(
                  "reads", ParameterArgs.builder().type("String").value(source.name()).build());
              new Parameter(
                  "waits",
                  ParameterArgs.builder().type("String").value("v").build(),
                  CustomResourceOptions.builder().dependsOn(source).build());
            });
    String source = graph.get("aws:ssm/parameter:Parameter", "source").urn();
    RecordedResource reads = graph.get("aws:ssm/parameter:Parameter", "reads");
    RecordedResource waits = graph.get("aws:ssm/parameter:Parameter", "waits");

    assertThat(reads.dependencies()).as("reads: its dependencies").containsExactly(source);
    assertThat(reads.propertyDependencies())
        .as("reads: the input value comes from source")
        .containsEntry("value", java.util.List.of(source));
    assertThat(reads.explicitOnlyDependencies()).as("reads: explicit-only").isEmpty();
    assertThat(waits.dependencies()).as("waits: its dependencies").containsExactly(source);
    assertThat(waits.explicitOnlyDependencies())
        .as("waits: dependsOn source, no input from it")
        .containsExactly(source);
  }

  @Test
  void twoRunsOfTheSameStackGiveTheSameDocument() {
    var config = Plans.stackFile("staging");
    String first = PreviewJson.of(Recorder.plan(config), config).toString();
    String second =
        PreviewJson.of(
                Recorder.run("staging", "us-east-1", ctx -> Platform.deploy(ctx, config)), config)
            .toString();

    assertThat(second).isEqualTo(first);
  }
}
