package dev.plinth.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plan {@code --diff-from} compares with: a saved {@code plan <stack> --json} file, or the plan
 * of a git commit's tree, built and planned offline in a temporary directory ({@code ./mvnw -o},
 * sharing ~/.m2) and cached per commit and stack under {@code target/diff-from/}.
 */
final class DiffSource {
  /** Why the source cannot be used: one line, printed alone (exit 2). */
  static final class BadSource extends Exception {
    BadSource(String message) {
      super(message);
    }
  }

  /** The old plan and what it is: the file, or {@code REF (short sha)}. */
  record Loaded(String label, JsonNode doc) {}

  private DiffSource() {}

  static Loaded load(String spec, String stack) throws BadSource {
    Path file = Path.of(spec);
    if (Files.isRegularFile(file)) {
      return new Loaded(spec, readPlan(file, spec + " is not a plan JSON (plan <stack> --json)"));
    }
    String sha = resolve(spec);
    Path cached = Path.of("target", "diff-from", sha + "-" + stack + ".json");
    String label = spec + " (" + sha.substring(0, 7) + ")";
    if (Files.isRegularFile(cached)) {
      return new Loaded(
          label, readPlan(cached, "the cached plan " + cached + " is not a plan JSON"));
    }
    JsonNode doc = planTree(spec, sha, stack);
    try {
      Files.createDirectories(cached.getParent());
      Path part = Files.createTempFile(cached.getParent(), sha, ".part");
      Files.writeString(part, Json.MAPPER.writeValueAsString(doc));
      Files.move(part, cached, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The cache only saves time: the diff goes on without it.
    }
    return new Loaded(label, doc);
  }

  private static JsonNode readPlan(Path file, String complaint) throws BadSource {
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadSource(complaint + ": " + firstLine(e.getMessage()));
    }
    if (!PlanDiff.isPlan(doc)) {
      throw new BadSource(complaint + ": no steps array of items with urn and newState");
    }
    return doc;
  }

  private static String resolve(String ref) throws BadSource {
    if (ref.startsWith("-")) {
      throw new BadSource("no such git ref: " + ref);
    }
    Result r = run(Path.of(""), "git", "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (r.code != 0 || !r.out.strip().matches("[0-9a-f]{40,64}")) {
      throw new BadSource("no such git ref: " + ref);
    }
    return r.out.strip();
  }

  private static JsonNode planTree(String ref, String sha, String stack) throws BadSource {
    String failure = "the tree of " + ref + " does not build/plan: ";
    Path tree = null;
    try {
      tree = Files.createTempDirectory("plinth-diff-");
      Result export =
          run(
              Path.of(""),
              "bash",
              "-c",
              "set -o pipefail; git archive \"$1\" | tar -x -C \"$2\"",
              "plinth-diff",
              sha,
              tree.toString());
      if (export.code != 0) {
        throw new BadSource(failure + firstLine(export.err + export.out));
      }
      Result build = run(tree, "./mvnw", "-q", "-B", "-o", "package", "-DskipTests");
      if (build.code != 0) {
        throw new BadSource(failure + firstLine(build.out + build.err));
      }
      Result plan =
          run(
              tree,
              "java",
              "-jar",
              "target/plinth.jar",
              "plan",
              stack,
              "--json",
              "--policy",
              "off");
      if (plan.code != 0) {
        throw new BadSource(failure + firstLine(plan.err + plan.out));
      }
      JsonNode doc = Json.MAPPER.readTree(plan.out);
      if (!PlanDiff.isPlan(doc)) {
        throw new BadSource(failure + "its plan --json printed no plan document");
      }
      return doc;
    } catch (IOException e) {
      throw new BadSource(failure + firstLine(String.valueOf(e.getMessage())));
    } finally {
      delete(tree);
    }
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Path dir, String... command) {
    try {
      Path out = Files.createTempFile("plinth-diff-out", ".txt");
      Path err = Files.createTempFile("plinth-diff-err", ".txt");
      try {
        Process p =
            new ProcessBuilder(List.of(command))
                .directory(dir.toString().isEmpty() ? null : dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        int code = p.waitFor();
        return new Result(
            code,
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return new Result(-1, "", command[0] + " did not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", command[0] + " was interrupted");
    }
  }

  private static String firstLine(String text) {
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElse("(no output)");
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
