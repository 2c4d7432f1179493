package dev.plinth.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Handles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The firewall built alone, in front of a hand-made load balancer ARN. */
class FirewallAloneTest {

  @Test
  void theAclIsAssociatedWithTheGivenLoadBalancerOnly() {
    ResourceGraph graph = EdgeAlone.firewall("prod", Map.of());
    RecordedResource association =
        graph.get("aws:wafv2/webAclAssociation:WebAclAssociation", "test-waf-association");

    assertThat(association.text("resourceArn"))
        .as("resource of %s", association)
        .isEqualTo(EdgeAlone.LOAD_BALANCER);
    assertThat(graph.ofType("aws:wafv2/webAclAssociation:WebAclAssociation"))
        .as("associations")
        .containsExactly(association);
  }

  @Test
  void wafLogsGoToAGroupUnderTheGivenLogsKeyAndRetention() {
    ResourceGraph graph = EdgeAlone.firewall("staging", Map.of());
    RecordedResource group = graph.get("aws:cloudwatch/logGroup:LogGroup", "test-waf-logs");

    assertThat(group.text("kmsKeyId")).as("key of %s", group).isEqualTo(Handles.keyArn("logs"));
    assertThat(group.input("retentionInDays").orElseThrow().asInt())
        .as("retention of %s", group)
        .isEqualTo(Handles.logs().retentionDays());
    assertThat(group.text("name")).as("name of %s", group).isEqualTo("aws-waf-logs-plinth-test");
  }
}
