package dev.plinth.timing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.plan.RecordedResource;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.testing.Plans;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployTimeTest {
  private static final String STACK = "urn:pulumi:t::plinth::pulumi:pulumi:Stack::plinth-t";

  /** A table: a slow type (10 min), a quick one (1 min), a 2-5 min one; nothing else listed. */
  private static CreateTimes table() throws Exception {
    String csv =
        String.join(
            "\n",
            "*,,0,0,2026-12-02,default: test",
            "test:index:Slow,,10,10,2026-12-02,test (a)",
            "test:index:Quick,,1,1,2026-12-02,test (b)",
            "test:index:Ranged,,2,5,2026-12-02,default: test");
    return CreateTimes.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  private static String urn(String type, String name) {
    return "urn:pulumi:t::plinth::" + type + "::" + name;
  }

  /** A custom resource under the stack with dependencies and, per input, where it comes from. */
  private static RecordedResource custom(
      String type, String name, List<String> dependsOn, Map<String, List<String>> inputsFrom) {
    return new RecordedResource(
        type,
        name,
        urn(type, name),
        name + "-id",
        STACK,
        true,
        JsonNodeFactory.instance.objectNode(),
        dependsOn,
        false,
        false,
        null,
        List.of(),
        inputsFrom);
  }

  private static ResourceGraph graph(RecordedResource... resources) {
    List<RecordedResource> all = new ArrayList<>(List.of(resources));
    all.add(
        new RecordedResource(
            "pulumi:pulumi:Stack",
            "plinth-t",
            STACK,
            "",
            null,
            false,
            JsonNodeFactory.instance.objectNode(),
            List.of(),
            false,
            false,
            null,
            List.of()));
    return new ResourceGraph("t", all, JsonNodeFactory.instance.objectNode());
  }

  @Test
  void anExplicitDependsOnWithNoInputThatLengthensTheDeployIsReportedWithWhatItCosts()
      throws Exception {
    String slow = urn("test:index:Slow", "slow");
    ResourceGraph g =
        graph(
            custom("test:index:Slow", "slow", List.of(), Map.of()),
            custom("test:index:Quick", "waits", List.of(slow), Map.of()));

    DeployTime t = DeployTime.of(g, table(), 8);

    assertThat(t.minutes().typical()).isEqualTo(11.0);
    assertThat(t.costlyDependsOn())
        .containsExactly(new DeployTime.CostlyEdge("waits", "slow", 1.0));
    assertThat(t.path()).extracting(DeployTime.PathStep::name).containsExactly("slow", "waits");
  }

  @Test
  void aDependencyAnInputFlowsThroughIsNeededAndNotReported() throws Exception {
    String slow = urn("test:index:Slow", "slow");
    ResourceGraph g =
        graph(
            custom("test:index:Slow", "slow", List.of(), Map.of()),
            custom("test:index:Quick", "reads", List.of(slow), Map.of("value", List.of(slow))));

    DeployTime t = DeployTime.of(g, table(), 8);

    assertThat(t.minutes().typical()).isEqualTo(11.0);
    assertThat(t.costlyDependsOn()).as("reads takes an input from slow").isEmpty();
  }

  @Test
  void anExplicitDependsOnOffTheCriticalPathIsNotReported() throws Exception {
    String quick = urn("test:index:Quick", "quick");
    ResourceGraph g =
        graph(
            custom("test:index:Slow", "slow", List.of(), Map.of()),
            custom("test:index:Quick", "quick", List.of(), Map.of()),
            custom("test:index:Quick", "after-quick", List.of(quick), Map.of()));

    DeployTime t = DeployTime.of(g, table(), 8);

    assertThat(t.minutes().typical()).as("slow alone sets the length").isEqualTo(10.0);
    assertThat(t.costlyDependsOn()).as("after-quick ends at 2, long before slow").isEmpty();
  }

  @Test
  void aCustomParentAndAProviderAreWaitedForLikeDependencies() throws Exception {
    String slow = urn("test:index:Slow", "slow");
    RecordedResource child =
        new RecordedResource(
            "test:index:Quick",
            "child",
            urn("test:index:Quick", "child"),
            "child-id",
            slow,
            true,
            JsonNodeFactory.instance.objectNode(),
            List.of(),
            false,
            false,
            null,
            List.of());
    RecordedResource provided =
        new RecordedResource(
            "test:index:Quick",
            "provided",
            urn("test:index:Quick", "provided"),
            "provided-id",
            STACK,
            true,
            JsonNodeFactory.instance.objectNode(),
            List.of(),
            false,
            false,
            urn("test:index:Slow", "slow") + "::slow-id",
            List.of());

    DeployTime t =
        DeployTime.of(
            graph(custom("test:index:Slow", "slow", List.of(), Map.of()), child, provided),
            table(),
            8);

    assertThat(t.minutes().typical()).as("child and provided start after slow").isEqualTo(11.0);
  }

  @Test
  void theRangeRunsTheLowAndHighFiguresAndDefaultTimedTypesAreNamed() throws Exception {
    DeployTime t =
        DeployTime.of(graph(custom("test:index:Ranged", "r", List.of(), Map.of())), table(), 8);

    assertThat(t.minutes()).isEqualTo(new DeployTime.Range(2.0, 3.5, 5.0));
    assertThat(t.defaults()).containsExactly("test:index:Ranged");
  }

  @Test
  void theProdEstimateIsAsLongAsItsCriticalPathAndBetweenItsLowAndHigh() {
    DeployTime t = DeployTime.of(Plans.ofStack("prod"));

    DeployTime.PathStep last = t.path().get(t.path().size() - 1);
    assertThat(last.start() + last.minutes())
        .as("the path ends when the deployment does")
        .isCloseTo(t.minutes().typical(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(t.minutes().low()).isLessThan(t.minutes().typical());
    assertThat(t.minutes().high()).isGreaterThan(t.minutes().typical());
    assertThat(t.path())
        .extracting(DeployTime.PathStep::type)
        .as(
            "prod's path goes through one of its slow creates: the EKS control plane or the database")
        .containsAnyOf("aws:eks/cluster:Cluster", "aws:rds/instance:Instance");
  }

  @Test
  void theTextShowsTheEstimatePathAndCostlyEdgesAndTheJsonTheSame() throws Exception {
    String slow = urn("test:index:Slow", "slow");
    DeployTime t =
        DeployTime.of(
            graph(
                custom("test:index:Slow", "slow", List.of(), Map.of()),
                custom("test:index:Quick", "waits", List.of(slow), Map.of())),
            table(),
            8);
    var bytes = new ByteArrayOutputStream();
    t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), 100);
    String text = bytes.toString(StandardCharsets.UTF_8);
    ObjectNode json = t.toJson();

    assertThat(text)
        .contains("about 11 min (range 11-11 min)")
        .contains("0  slow test:index:Slow, 10")
        .contains("10  waits test:index:Quick, 1")
        .contains("waits dependsOn slow: 1 min");
    assertThat(json.at("/minutes/typical").asDouble()).isEqualTo(11.0);
    assertThat(json.at("/parallel").asInt()).isEqualTo(DeployTime.PARALLEL);
    JsonNode path = json.get("criticalPath");
    assertThat(path).hasSize(2);
    assertThat(path.get(1).get("name").asText()).isEqualTo("waits");
    assertThat(json.at("/costlyDependsOn/0/savesMinutes").asDouble()).isEqualTo(1.0);
  }
}
