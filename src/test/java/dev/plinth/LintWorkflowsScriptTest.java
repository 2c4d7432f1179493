package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/lint-workflows.sh (the workflow lint of {@code ./mvnw verify}) on a machine without node
 * and npm: one line that says what is missing and where the README lists it, then exit 1.
 */
class LintWorkflowsScriptTest {
  @TempDir Path emptyPath;

  @Test
  void withoutNodeAndNpmTheLintSaysWhatIsMissingInOneLine() throws Exception {
    var builder =
        new ProcessBuilder("/bin/bash", "scripts/lint-workflows.sh").redirectErrorStream(false);
    builder.environment().clear();
    builder.environment().put("PATH", emptyPath.toString());
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(out).isEmpty();
    assertThat(err.lines()).as(err).hasSize(1);
    assertThat(err)
        .startsWith("lint-workflows: node npm not found on PATH")
        .contains("node 20 or later and npm")
        .contains("README, \"Prerequisites\"");
  }
}
