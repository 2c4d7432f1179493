package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.Environment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff's rules on small hand-made plans: providers, dev warnings, protect, renames. */
class PlanDiffRulesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String STACK = "urn:pulumi:prod::plinth::pulumi:pulumi:Stack$";
  private static final String EAST = STACK + "pulumi:providers:aws::aws-east";
  private static final String EAST2 = STACK + "pulumi:providers:aws::aws-east-2";
  private static final String WEST = STACK + "pulumi:providers:aws::aws-west";
  private static final ReplacingInputs TABLE = ReplacingInputs.load();

  private static ObjectNode plan(ObjectNode... states) {
    ObjectNode doc = MAPPER.createObjectNode();
    ArrayNode steps = doc.putArray("steps");
    for (String[] p :
        new String[][] {{EAST, "us-east-1"}, {EAST2, "us-east-1"}, {WEST, "us-west-2"}}) {
      ObjectNode provider = MAPPER.createObjectNode().put("type", "pulumi:providers:aws");
      provider.putObject("inputs").put("region", p[1]);
      steps.addObject().put("urn", p[0]).set("newState", provider);
    }
    for (ObjectNode state : states) {
      steps.addObject().put("urn", state.get("urn").asText()).set("newState", state);
    }
    return doc;
  }

  private static ObjectNode key(String name, String provider, boolean protect) {
    ObjectNode state = MAPPER.createObjectNode();
    state.put("type", "aws:kms/key:Key").put("urn", STACK + "aws:kms/key:Key::" + name);
    state.put("provider", provider + "::id").put("protect", protect);
    state.putObject("inputs").put("description", "d");
    return state;
  }

  private static PlanDiff.Change only(List<PlanDiff.Change> changes, String name) {
    return changes.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anotherProviderOfTheSameRegionUpdatesAndAnotherRegionReplaces() {
    List<PlanDiff.Change> sameRegion =
        PlanDiff.compare(plan(key("k", EAST, false)), plan(key("k", EAST2, false)), TABLE);
    assertThat(only(sameRegion, "k").op())
        .as("key k moved to aws-east-2")
        .isEqualTo(PlanDiff.Op.UPDATE);

    List<PlanDiff.Change> otherRegion =
        PlanDiff.compare(plan(key("k", EAST, false)), plan(key("k", WEST, false)), TABLE);
    PlanDiff.Change k = only(otherRegion, "k");
    assertThat(k.op()).as("key k moved to us-west-2").isEqualTo(PlanDiff.Op.REPLACE);
    assertThat(k.replaceReasons()).as("key k").anySatisfy(r -> assertThat(r).contains("region"));
  }

  @Test
  void aStatefulReplacementIsAWarningInDevAndMandatoryInStaging() {
    List<PlanDiff.Change> changes =
        PlanDiff.compare(plan(key("k", EAST, false)), plan(key("k", WEST, false)), TABLE);

    assertThat(DiffVerdicts.verdicts(changes, Environment.DEV))
        .as("key k replaced in dev")
        .singleElement()
        .satisfies(v -> assertThat(v.mandatory()).isFalse());
    assertThat(DiffVerdicts.verdicts(changes, Environment.STAGING))
        .as("key k replaced in staging")
        .singleElement()
        .satisfies(v -> assertThat(v.mandatory()).isTrue());
  }

  @Test
  void aProtectChangeIsAnUpdateAndARenameIsADeleteAndACreate() {
    List<PlanDiff.Change> protect =
        PlanDiff.compare(plan(key("k", EAST, false)), plan(key("k", EAST, true)), TABLE);
    PlanDiff.Change k = only(protect, "k");
    assertThat(k.op()).as("key k protected").isEqualTo(PlanDiff.Op.UPDATE);
    assertThat(k.others())
        .as("key k")
        .extracting(PlanDiff.OtherChange::what)
        .containsExactly("protect");

    List<PlanDiff.Change> renamed =
        PlanDiff.compare(plan(key("old", EAST, false)), plan(key("new", EAST, false)), TABLE);
    assertThat(only(renamed, "old").op()).as("key old").isEqualTo(PlanDiff.Op.DELETE);
    assertThat(only(renamed, "new").op()).as("key new").isEqualTo(PlanDiff.Op.CREATE);
  }

  @Test
  void numbersCompareByValue() throws Exception {
    ObjectNode before = key("k", EAST, false);
    ObjectNode after = key("k", EAST, false);
    ((ObjectNode) before.get("inputs")).put("n", 300);
    ((ObjectNode) after.get("inputs")).put("n", 300.0);
    JsonNode older = MAPPER.readTree(MAPPER.writeValueAsString(plan(before)));

    assertThat(only(PlanDiff.compare(older, plan(after), TABLE), "k").op())
        .as("key k: 300 and 300.0")
        .isEqualTo(PlanDiff.Op.SAME);
  }
}
