package dev.plinth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.plinth.Json;
import dev.plinth.testing.Plans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan of each real stack file is the committed snapshot, byte for byte: the preview part of
 * {@code plan <stack> --json} (effective config, every step with its URN, inputs, parent, provider,
 * dependencies and protection, the change summary and the stack outputs). A refactoring must leave
 * it unchanged, since a changed URN is a replacement for {@code pulumi up}. A change that is meant
 * to change the plan rewrites the snapshots with {@code ./mvnw -q -B test -Dtest=PlanSnapshotTest
 * -Dplinth.updateSnapshots=true}, and the pull request shows the difference.
 */
class PlanSnapshotTest {
  static final Path DIR = Path.of("src/test/resources/dev/plinth/plan/snapshots");

  /** The system property that rewrites the snapshots instead of comparing with them. */
  static final String UPDATE = "plinth.updateSnapshots";

  @ParameterizedTest(name = "the plan of {0} is its committed snapshot")
  @ValueSource(strings = {"dev", "staging", "prod", "prod-dr"})
  void planOfEachStackIsItsSnapshot(String stack) throws IOException {
    String actual = render(stack);
    Path file = DIR.resolve(stack + ".json");
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("snapshot of %s (write it with -D%s=true)", stack, UPDATE).exists();
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      throw new AssertionError(
          "the plan of "
              + stack
              + " differs from "
              + file
              + " (rewrite it with -D"
              + UPDATE
              + "=true if the change is meant):\n"
              + String.join("\n", differences(expected, actual)));
    }
  }

  @ParameterizedTest(name = "the snapshot of {0} holds no secret in plaintext")
  @ValueSource(strings = {"dev", "staging", "prod", "prod-dr"})
  void snapshotHoldsNoSecret(String stack) throws IOException {
    JsonNode doc =
        Json.MAPPER.readTree(
            Files.readString(DIR.resolve(stack + ".json"), StandardCharsets.UTF_8));
    List<String> secretInputs = new ArrayList<>();
    doc.path("steps")
        .forEach(
            step ->
                step.path("newState")
                    .path("inputs")
                    .fields()
                    .forEachRemaining(
                        field -> {
                          if (SECRET_INPUTS.contains(field.getKey())) {
                            secretInputs.add(
                                step.path("urn").asText()
                                    + " "
                                    + field.getKey()
                                    + "="
                                    + field.getValue());
                          }
                        }));
    assertThat(secretInputs)
        .as("the secret-bearing inputs of %s (the cache AUTH token at least)", stack)
        .isNotEmpty()
        .allSatisfy(input -> assertThat(input).endsWith("=\"[secret]\""));
    assertThat(doc.path("outputs").path("kubeconfig").asText()).isEqualTo("[secret]");
  }

  /** Inputs that carry a secret wherever they appear: AUTH tokens, secret strings, kubeconfigs. */
  static final java.util.Set<String> SECRET_INPUTS =
      java.util.Set.of("authToken", "secretString", "password", "masterPassword", "kubeconfig");

  static String render(String stack) throws IOException {
    JsonNode doc = PreviewJson.of(Plans.ofStack(stack), Plans.stackFile(stack));
    return Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc)
        + "\n";
  }

  /** The steps added, removed or changed (by URN), and whether config or outputs changed. */
  static List<String> differences(String expectedText, String actualText) throws IOException {
    JsonNode expected = Json.MAPPER.readTree(expectedText);
    JsonNode actual = Json.MAPPER.readTree(actualText);
    Map<String, JsonNode> before = byUrn(expected);
    Map<String, JsonNode> after = byUrn(actual);
    List<String> out = new ArrayList<>();
    before.keySet().stream()
        .filter(urn -> !after.containsKey(urn))
        .forEach(urn -> out.add("  removed " + urn));
    after.keySet().stream()
        .filter(urn -> !before.containsKey(urn))
        .forEach(urn -> out.add("  added   " + urn));
    before.forEach(
        (urn, step) -> {
          if (after.containsKey(urn) && !after.get(urn).equals(step)) {
            out.add("  changed " + urn);
          }
        });
    for (String section : List.of("config", "changeSummary", "outputs")) {
      if (!expected.path(section).equals(actual.path(section))) {
        out.add("  changed section " + section);
      }
    }
    if (out.isEmpty()) {
      out.add("  same content, different order or layout");
    }
    return out;
  }

  private static Map<String, JsonNode> byUrn(JsonNode doc) {
    Map<String, JsonNode> steps = new TreeMap<>();
    doc.path("steps").forEach(step -> steps.put(step.path("urn").asText(), step));
    return steps;
  }
}
