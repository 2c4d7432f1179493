package dev.plinth.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs whose change makes the provider replace a resource instead of updating it in place,
 * per resource type Plinth registers ({@code replacing-inputs.csv}: {@code type,input,source}); the
 * diff of {@code plan --diff-from} turns an update into a replace with it.
 *
 * <p>Where the rows come from (docs/plan.md, "Replacements"): the AWS rows from the
 * terraform-provider-aws schema files ({@code ForceNew}, {@code RequiresReplace}) at the commit
 * each row names, NOT at the tag pulumi-aws 6.83.0 bridges: that tag (some 5.99.x to 5.100.x) could
 * not be read on this machine, so an AWS row is "verified at the cited commit" and inputs added
 * since (listed in the docs) are unverified. Kubernetes rows come from pulumi-kubernetes v4.0.0,
 * random rows from terraform-provider-random v3.9.0. Conditional replacements (a provider's
 * CustomizeDiff) are not rows. A {@code -} input means the type has no replacing input.
 */
public final class ReplacingInputs {
  private static final String RESOURCE = "replacing-inputs.csv";

  private final Map<String, List<String>> byType;

  private ReplacingInputs(Map<String, List<String>> byType) {
    this.byType = byType;
  }

  /** The table shipped with Plinth. */
  public static ReplacingInputs load() {
    try (InputStream in = ReplacingInputs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReplacingInputs parse(BufferedReader reader) throws IOException {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    String header = reader.readLine();
    if (header == null || !header.equals("type,input,source")) {
      throw new IllegalStateException(RESOURCE + ": the header must be type,input,source");
    }
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", 3);
      if (cells.length != 3 || cells[2].isBlank()) {
        throw new IllegalStateException(RESOURCE + ": a row needs type,input,source: " + line);
      }
      List<String> inputs = byType.computeIfAbsent(cells[0], t -> new ArrayList<>());
      if (!cells[1].equals("-")) {
        inputs.add(cells[1]);
      }
    }
    return new ReplacingInputs(byType);
  }

  /** The types the table covers (with or without replacing inputs). */
  public Set<String> types() {
    return byType.keySet();
  }

  /**
   * The table's input that makes a change at {@code path} replace a resource of {@code type}, if
   * any. Paths are dotted ({@code launchTemplate.id}); list indexes ({@code [0]}) are ignored. A
   * row matches the path itself, anything under it, or (when a whole block changed) anything the
   * block holds.
   */
  public Optional<String> replacing(String type, String path) {
    String plain = path.replaceAll("\\[\\d+]", "");
    for (String input : byType.getOrDefault(type, List.of())) {
      if (plain.equals(input) || plain.startsWith(input + ".") || input.startsWith(plain + ".")) {
        return Optional.of(input);
      }
    }
    return Optional.empty();
  }
}
