package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import dev.plinth.PrimaryStack;
import dev.plinth.config.Secret;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The mock cloud answers a StackReference with the named stack's plan outputs (issue 17). */
class StackReferenceAnswerTest {

  @Test
  void aStackReferenceGetsThePrimarysOutputsAndItsSecretsStaySecret() throws Exception {
    ObjectNode outputs =
        JsonNodeFactory.instance
            .objectNode()
            .put("dbArn", "arn:aws:rds:us-east-1:123456789012:db:prod-db-primary")
            .put("kubeconfig", Secret.MASK);
    MockCloud cloud =
        new MockCloud(
            "us-west-2", stack -> stack.equals("prod") ? Optional.of(outputs) : Optional.empty());
    AtomicReference<Output<?>> arn = new AtomicReference<>();
    AtomicReference<Output<?>> kubeconfig = new AtomicReference<>();
    Recorder.run(
        "prod-dr",
        cloud,
        ctx -> {
          var reference =
              new StackReference(
                  "prod-dr-primary",
                  StackReferenceArgs.builder()
                      .name(PrimaryStack.fullyQualifiedName("organization", "plinth", "prod"))
                      .build());
          arn.set(reference.requireOutput("dbArn"));
          kubeconfig.set(reference.requireOutput("kubeconfig"));
          ctx.export("arn", arn.get());
        });
    var arnData = Internal.of(arn.get()).getDataAsync().get();
    assertThat(arnData.getValueNullable())
        .as("dbArn through the StackReference")
        .isEqualTo("arn:aws:rds:us-east-1:123456789012:db:prod-db-primary");
    assertThat(arnData.isSecret()).as("dbArn is not secret").isFalse();
    assertThat(Internal.of(kubeconfig.get()).isSecret().get())
        .as("kubeconfig, secret in the primary, is secret through the StackReference")
        .isTrue();
  }

  @Test
  void theFullyQualifiedNameIsOrganizationProjectStack() {
    assertThat(PrimaryStack.fullyQualifiedName("acme", "plinth", "prod"))
        .as("Pulumi Cloud")
        .isEqualTo("acme/plinth/prod");
    assertThat(PrimaryStack.fullyQualifiedName(null, "plinth", "prod"))
        .as("self-managed backend: the literal organization")
        .isEqualTo("organization/plinth/prod");
  }

  @Test
  void aStackReferenceToAnUnknownStackFailsThePlan() {
    MockCloud cloud = new MockCloud("us-west-2", stack -> Optional.empty());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Recorder.run(
                    "prod-dr",
                    cloud,
                    ctx ->
                        ctx.export(
                            "x",
                            new StackReference(
                                    "prod-dr-primary",
                                    StackReferenceArgs.builder()
                                        .name("organization/plinth/nope")
                                        .build())
                                .requireOutput("region"))))
        .hasMessageContaining("organization/plinth/nope");
  }
}
