package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.Environment;
import dev.plinth.plan.PlanCommandAccess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --diff-from}: a saved plan of this tree compared with this tree and with edited
 * copies of Pulumi.prod.yaml. No git build here (one bad ref only): the saved plan stands in for a
 * commit's.
 */
class PlanDiffTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PRIMARY = "prod-db-primary";

  @TempDir static Path dir;
  static Path saved;
  static JsonNode savedDoc;

  @BeforeAll
  static void savePlanOfThisTree() throws Exception {
    Run run = PlanCommandTest.plan("prod", "--json", "--policy", "off");
    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    saved = dir.resolve("prod-plan.json");
    Files.writeString(saved, run.out());
    savedDoc = MAPPER.readTree(run.out());
  }

  /**
   * Pulumi.prod.yaml with {@code block} appended under {@code config:}, and its standby's file
   * beside it (the pair's check reads it there), so that only {@code block} differs from prod.
   */
  private static Path prodWith(String name, String block) throws Exception {
    Path copy = dir.resolve(name);
    Files.writeString(copy, Files.readString(Path.of("Pulumi.prod.yaml")) + block);
    Path standby = dir.resolve("Pulumi.prod-dr.yaml");
    if (!Files.exists(standby)) {
      Files.copy(Path.of("Pulumi.prod-dr.yaml"), standby);
    }
    return copy;
  }

  private static List<JsonNode> changed(JsonNode doc) {
    List<JsonNode> steps = new ArrayList<>();
    doc.get("steps")
        .forEach(
            s -> {
              if (!s.get("op").asText().equals("same")) {
                steps.add(s);
              }
            });
    return steps;
  }

  private static JsonNode step(JsonNode doc, String name) {
    for (JsonNode s : doc.get("steps")) {
      if (s.get("urn").asText().endsWith("::" + name)) {
        return s;
      }
    }
    throw new AssertionError("no step for " + name);
  }

  @Test
  void theSameTreeDiffsAsEveryResourceSame() throws Exception {
    Run run = PlanCommandTest.plan("prod", "--json", "--diff-from", saved.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(doc.get("steps")).hasSize(savedDoc.get("steps").size());
    for (JsonNode s : doc.get("steps")) {
      assertThat(s.get("op").asText())
          .as("%s must be same against a plan of the same tree", s.get("urn").asText())
          .isEqualTo("same");
    }
    Run text = PlanCommandTest.plan("prod", "--diff-from", saved.toString());
    assertThat(text.out())
        .as("text summary of prod against itself")
        .contains(
            "+ 0 to create, ~ 0 to update, +- 0 to replace, - 0 to delete, "
                + savedDoc.get("steps").size()
                + " unchanged");
  }

  @Test
  void aDatabaseClassChangeUpdatesTheDatabaseInTheMaintenanceWindow() throws Exception {
    Path stack = prodWith("class.yaml", "  plinth:database:\n    instanceClass: db.r6g.2xlarge\n");

    Run run =
        PlanCommandTest.plan(
            "prod", "--config", stack.toString(), "--json", "--diff-from", saved.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    JsonNode doc = MAPPER.readTree(run.out());
    JsonNode primary = step(doc, PRIMARY);
    assertThat(primary.get("op").asText()).as(PRIMARY + " op").isEqualTo("update");
    assertThat(primary.get("detailedDiff").size())
        .as(PRIMARY + " must change only instanceClass: " + primary.get("detailedDiff"))
        .isEqualTo(1);
    assertThat(primary.at("/detailedDiff/instanceClass/kind").asText())
        .as(PRIMARY + " instanceClass")
        .isEqualTo("update");
    assertThat(primary.at("/oldState/inputs/instanceClass").asText()).isEqualTo("db.r6g.xlarge");
    assertThat(primary.at("/newState/inputs/instanceClass").asText()).isEqualTo("db.r6g.2xlarge");
    // The read replica shares the primary's class (Database.createReplica), and the dashboard
    // shows it: every other change is an in-place update, and no other input of the database's
    // instances changes.
    for (JsonNode s : changed(doc)) {
      String urn = s.get("urn").asText();
      assertThat(s.get("op").asText()).as(urn).isEqualTo("update");
      if (urn.contains("aws:rds/instance:Instance")) {
        assertThat(s.get("diffReasons").toString()).as(urn).isEqualTo("[\"instanceClass\"]");
      }
    }
    assertThat(doc.get("notes").toString())
        .as("the maintenance-window note on " + PRIMARY)
        .contains("\"resource\":\"" + PRIMARY + "\"")
        .contains("applied in the next maintenance window");

    Run text =
        PlanCommandTest.plan("prod", "--config", stack.toString(), "--diff-from", saved.toString());
    assertThat(text.out())
        .as("text diff of " + PRIMARY)
        .contains("~ update " + PRIMARY)
        .contains("instanceClass: \"db.r6g.xlarge\" -> \"db.r6g.2xlarge\"")
        .contains("note: class change applied in the next maintenance window")
        .contains("an outage occurs during the change");
  }

  @Test
  void aMasterUsernameChangeReplacesTheDatabaseAndFailsTheProdPolicy() throws Exception {
    Path stack = prodWith("user.yaml", "  plinth:database:\n    masterUsername: plinth_owner\n");

    Run run =
        PlanCommandTest.plan(
            "prod", "--config", stack.toString(), "--json", "--diff-from", saved.toString());

    assertThat(run.exit()).as(PRIMARY + " replaced in prod must exit 3: " + run.err()).isEqualTo(3);
    JsonNode primary = step(MAPPER.readTree(run.out()), PRIMARY);
    assertThat(primary.get("op").asText()).as(PRIMARY + " op").isEqualTo("replace");
    assertThat(primary.get("replaceReasons").toString())
        .as(PRIMARY + " replaceReasons")
        .isEqualTo("[\"username\"]");
    assertThat(primary.at("/detailedDiff/username/kind").asText())
        .as(PRIMARY + " username")
        .isEqualTo("update-replace");
    assertThat(run.err())
        .as("the exit-3 line names the diff rule")
        .contains(
            "Exit 3: mandatory rules fail under --policy enforce; prod: DIFF-01 (1 resource)");

    Run text =
        PlanCommandTest.plan("prod", "--config", stack.toString(), "--diff-from", saved.toString());
    assertThat(text.out())
        .as("the text names " + PRIMARY + " and the input")
        .contains("+- replace " + PRIMARY)
        .contains("FAIL DIFF-01 " + PRIMARY)
        .contains("username cannot change in place");
  }

  @Test
  void anEksVersionJumpOfTwoMinorsFails() throws Exception {
    ObjectNode older = savedDoc.deepCopy();
    String cluster = "prod-cluster-eks";
    ObjectNode inputs = (ObjectNode) step(older, cluster).at("/newState/inputs");
    String now = inputs.get("version").asText();
    int minor = Integer.parseInt(now.substring(2));
    inputs.put("version", "1." + (minor - 2));

    List<PlanDiff.Change> changes = PlanDiff.compare(older, savedDoc, ReplacingInputs.load());
    List<DiffVerdicts.Verdict> verdicts = DiffVerdicts.verdicts(changes, Environment.DEV);

    assertThat(verdicts)
        .as(cluster + " from 1." + (minor - 2) + " to " + now + " must fail, even in dev")
        .anySatisfy(
            v -> {
              assertThat(v.ruleId()).isEqualTo(DiffVerdicts.EKS_VERSION_STEP);
              assertThat(v.resource()).isEqualTo(cluster);
              assertThat(v.mandatory()).isTrue();
            });

    Path jumped = dir.resolve("two-minors-below.json");
    Files.writeString(jumped, older.toString());
    Run run = PlanCommandTest.plan("prod", "--diff-from", jumped.toString());
    assertThat(run.exit()).as(cluster + " two minors up must exit 3: " + run.err()).isEqualTo(3);
    assertThat(run.out()).as(cluster).contains("FAIL DIFF-02 " + cluster);

    inputs.put("version", "1." + (minor - 1));
    List<PlanDiff.Change> oneStep = PlanDiff.compare(older, savedDoc, ReplacingInputs.load());
    assertThat(DiffVerdicts.verdicts(oneStep, Environment.PROD))
        .as(cluster + " one minor up passes")
        .isEmpty();
    assertThat(DiffVerdicts.notes(oneStep))
        .as(cluster + " one minor up gets the upgrade-order note")
        .anySatisfy(n -> assertThat(n.text()).contains("then the node groups"));
  }

  @Test
  void aRefThatDoesNotExistExitsTwoWithOneLine() {
    Run run = PlanCommandTest.plan("prod", "--diff-from", "no-such-ref-for-plinth-tests");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).as("stdout").isEmpty();
    assertThat(run.err()).isEqualTo("no such git ref: no-such-ref-for-plinth-tests\n");
  }

  @Test
  void aFileThatIsNotAPlanExitsTwoWithOneLine() throws Exception {
    Path file = dir.resolve("not-a-plan.json");
    Files.writeString(file, "{\"steps\": [{\"op\": \"create\"}]}");

    Run run = PlanCommandTest.plan("prod", "--diff-from", file.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).as("stdout").isEmpty();
    assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
    assertThat(run.err()).contains(file + " is not a plan JSON");
  }
}
