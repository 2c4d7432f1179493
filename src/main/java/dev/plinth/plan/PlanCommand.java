package dev.plinth.plan;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.Checks;
import dev.plinth.Fit;
import dev.plinth.Json;
import dev.plinth.config.ConfigException;
import dev.plinth.config.ConfigProblem;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.RawConfig;
import dev.plinth.diagram.Diagram;
import dev.plinth.diagram.DiagramWriter;
import dev.plinth.policy.PolicyMode;
import dev.plinth.recovery.RecoveryFigures;
import dev.plinth.recovery.RecoveryPair;
import dev.plinth.recovery.RecoveryReport;
import dev.plinth.review.AccountCheck;
import dev.plinth.review.Review;
import dev.plinth.review.StackSummary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plan <stack> [--json] [--config FILE] [--policy MODE] [--diagram FILE]} and {@code plan
 * --all}: what {@code pulumi up} would create, offline, with the review gates (policy verdicts,
 * cost estimate, diagram; with {@code --all}, the account check of review/AccountCheck). With
 * {@code --diff-from REF|FILE}: what changes against an older plan instead (PlanDiff). Exit codes:
 * 0 planned, 2 configuration errors (or a bad command line), 3 a mandatory policy rule or the
 * account check fails under {@code --policy enforce}, 1 anything else.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = dev.plinth.Version.Provider.class,
    description =
        "Shows what `pulumi up` would create for a stack, offline (no AWS, no Pulumi CLI).")
public final class PlanCommand implements Callable<Integer> {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int CONFIG_ERRORS = 2;
  public static final int POLICY_VIOLATIONS = Review.POLICY_VIOLATIONS;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "STACK",
      description = "Stack name: reads Pulumi.<STACK>.yaml.")
  String stack;

  @Option(
      names = "--json",
      description = "Print one JSON document shaped like `pulumi preview --json`.")
  boolean json;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Stack file to read instead of Pulumi.<STACK>.yaml in the working directory.")
  Path config;

  @Option(
      names = "--policy",
      paramLabel = "MODE",
      description =
          "enforce (default: a failing mandatory rule exits 3), advisory (report only) or off.")
  PolicyMode policy = PolicyMode.ENFORCE;

  @Option(
      names = "--diagram",
      paramLabel = "FILE",
      description = "Write the architecture diagram: Mermaid (.mmd) or Graphviz DOT (.dot).")
  Path diagram;

  @Option(
      names = "--all",
      description =
          "Plan every Pulumi.<stack>.yaml in the working directory, compare their settings and"
              + " check the stacks that share an account (plinth:account) together.")
  boolean all;

  @Option(
      names = "--diff-from",
      paramLabel = "REF|FILE",
      description =
          "Compare with the plan of a git ref (its tree built and planned offline) or of a saved"
              + " `plan <stack> --json` file: create, update, replace, delete or same per resource.")
  String diffFrom;

  /** Where the report goes; in text mode, through {@link Fit#wrapping} to {@link #width}. */
  private PrintStream out;

  private final PrintStream err;

  /** The width text output is fitted to ({@link Fit#columns}); {@code --json} is not fitted. */
  private final int width;

  /**
   * Where {@code --all} looks for stack files: the working directory (the empty path), or a test's.
   */
  private final Path directory;

  /**
   * Under {@code --policy enforce}: for each stack whose mandatory rules fail, the failing rule ids
   * with how many resources each fails on, in id order; the reason for exit 3 in the closing line.
   */
  private final Map<String, Map<String, Integer>> failedRules = new LinkedHashMap<>();

  /** {@code --all}: the production stacks that planned, by name, for the tier comparison. */
  private final Map<String, PlatformConfig> production = new LinkedHashMap<>();

  /** {@code --all --json}: each stack's document, printed together at the end. */
  private final ObjectNode allDocs = Json.MAPPER.createObjectNode();

  public PlanCommand(PrintStream out, PrintStream err) {
    this(out, err, Path.of(""));
  }

  PlanCommand(PrintStream out, PrintStream err, Path directory) {
    this(out, err, directory, Fit.columns(System.getenv()));
  }

  PlanCommand(PrintStream out, PrintStream err, Path directory, int width) {
    this.out = out;
    this.err = err;
    this.directory = directory;
    this.width = width;
  }

  /** Runs the command line; returns the exit code. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    return execute(Path.of(""), out, err, args);
  }

  /** Runs the command line with {@code --all} reading stack files from {@code directory}. */
  static int execute(Path directory, PrintStream out, PrintStream err, String... args) {
    return execute(new PlanCommand(out, err, directory), out, err, args);
  }

  /**
   * Runs the command line with text output fitted to {@code width} columns ({@link
   * Integer#MAX_VALUE}: not fitted, for tests about what is printed rather than its layout).
   */
  static int execute(Path directory, int width, PrintStream out, PrintStream err, String... args) {
    return execute(new PlanCommand(out, err, directory, width), out, err, args);
  }

  private static int execute(
      PlanCommand command, PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    if (json) {
      return run();
    }
    PrintStream raw = out;
    out = Fit.wrapping(raw, width);
    try {
      return run();
    } finally {
      out.close();
      out = raw;
    }
  }

  private int run() {
    if (diagram != null && !DiagramWriter.knows(diagram)) {
      err.println(
          "--diagram " + diagram + ": the file must end in .mmd (Mermaid) or .dot (Graphviz)");
      return CONFIG_ERRORS;
    }
    if (all) {
      if (diffFrom != null) {
        err.println("plan --all takes no --diff-from");
        return CONFIG_ERRORS;
      }
      return planAll();
    }
    if (stack == null) {
      err.println("plan: give a STACK, or --all");
      return CONFIG_ERRORS;
    }
    Path file = config != null ? config : Path.of("Pulumi." + stack + ".yaml");
    int code = diffFrom != null ? diffOne(stack, file) : planOne(stack, file, null, null);
    summarize(null);
    return code;
  }

  /**
   * The last line of an enforced plan that exits 3: which mandatory rules failed (and, with {@code
   * --all}, which account checks), so the reason does not sit in the middle of the output. On
   * stdout after everything else (not with {@code --json}, whose stdout is the document) and on
   * stderr.
   */
  private void summarize(AccountCheck.Result account) {
    List<String> parts = new ArrayList<>();
    failedRules.forEach(
        (name, rules) ->
            parts.add(
                name
                    + ": "
                    + String.join(
                        ", ",
                        rules.entrySet().stream()
                            .map(
                                e ->
                                    e.getKey()
                                        + " ("
                                        + e.getValue()
                                        + (e.getValue() == 1 ? " resource)" : " resources)"))
                            .toList())));
    if (account != null && policy == PolicyMode.ENFORCE && !account.passes()) {
      parts.add(
          "account check: "
              + String.join(
                  ", ",
                  account.failures().stream()
                      .map(AccountCheck.Failure::check)
                      .distinct()
                      .toList()));
    }
    if (parts.isEmpty()) {
      return;
    }
    String line =
        "Exit 3: mandatory rules fail under --policy enforce; "
            + String.join("; ", parts)
            + " (each FAIL above says why; --policy advisory reports without failing)";
    if (!json) {
      out.println(line);
    }
    err.println(line);
  }

  /**
   * The stack file's validated configuration, or null after printing why not (each problem on a
   * line of stderr: exit 2).
   */
  private PlatformConfig load(String name, Path file) {
    try {
      return Checks.load(file, name);
    } catch (ConfigException e) {
      e.problems().stream().map(ConfigProblem::message).forEach(err::println);
    } catch (java.io.IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
    }
    return null;
  }

  /**
   * Plans one stack; with {@code summaries}, also records its key settings there, and with {@code
   * planned} its graph and account for the account check.
   */
  private int planOne(
      String name,
      Path file,
      Map<String, Map<String, String>> summaries,
      List<AccountCheck.Stack> planned) {
    PlatformConfig platform = load(name, file);
    if (platform == null) {
      return CONFIG_ERRORS;
    }
    try {
      ResourceGraph graph = Recorder.plan(platform, Checks.directoryOf(file));
      Review review = Review.of(graph, platform, policy);
      Optional<RecoveryReport> recovery =
          RecoveryPair.report(platform, file.toAbsolutePath().getParent(), RecoveryFigures.load());
      if (json) {
        ObjectNode doc = PreviewJson.of(graph, platform);
        review.addTo(doc);
        recovery.ifPresent(r -> doc.set("recovery", r.toJson()));
        if (summaries != null) {
          allDocs.set(name, doc);
        } else {
          out.println(
              Json.MAPPER
                  .copy()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(doc));
        }
      } else {
        PreviewPrinter.print(graph, out, width);
        review.print(out, width);
        recovery.ifPresent(
            r -> {
              out.println();
              r.print(out);
            });
      }
      if (diagram != null) {
        DiagramWriter.write(Diagram.of(graph), diagram);
        (json ? err : out).println("diagram written to " + diagram);
      }
      if (summaries != null) {
        summaries.put(name, StackSummary.of(graph, review));
      }
      if (planned != null) {
        planned.add(AccountCheck.Stack.of(platform, graph));
      }
      if (summaries != null && platform.environment() == dev.plinth.config.Environment.PROD) {
        production.put(name, platform);
      }
      if (review.exitCode() == POLICY_VIOLATIONS) {
        Map<String, Integer> rules = new java.util.TreeMap<>();
        review.policy().mandatoryFailures().forEach(f -> rules.merge(f.ruleId(), 1, Integer::sum));
        failedRules.put(name, rules);
      }
      return review.exitCode();
    } catch (Exception e) {
      err.println("plan " + name + " failed: " + e.getMessage());
      return FAILED;
    }
  }

  /**
   * {@code --diff-from}: this tree's plan of the stack compared with the old one (docs/plan.md,
   * "Diff"); exit 2 when the old plan cannot be had, 3 when a mandatory diff rule fails under
   * {@code --policy enforce}.
   */
  private int diffOne(String name, Path file) {
    DiffSource.Loaded old;
    try {
      old = DiffSource.load(diffFrom, name);
    } catch (DiffSource.BadSource e) {
      err.println(e.getMessage());
      return CONFIG_ERRORS;
    }
    PlatformConfig platform = load(name, file);
    if (platform == null) {
      return CONFIG_ERRORS;
    }
    try {
      ResourceGraph graph = Recorder.plan(platform, Checks.directoryOf(file));
      List<PlanDiff.Change> changes =
          PlanDiff.compare(old.doc(), PreviewJson.of(graph, platform), ReplacingInputs.load());
      List<DiffVerdicts.Verdict> verdicts =
          policy == PolicyMode.OFF
              ? List.of()
              : DiffVerdicts.verdicts(changes, platform.environment());
      List<DiffVerdicts.Note> notes = DiffVerdicts.notes(changes);
      if (json) {
        out.println(
            Json.MAPPER
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(
                    DiffPrinter.json(old.label(), changes, notes, verdicts, policy)));
      } else {
        DiffPrinter.text(out, name, old.label(), changes, notes, verdicts, policy);
      }
      if (diagram != null) {
        DiagramWriter.write(Diagram.of(graph), diagram);
        (json ? err : out).println("diagram written to " + diagram);
      }
      Map<String, Integer> rules = new java.util.TreeMap<>();
      verdicts.stream()
          .filter(DiffVerdicts.Verdict::mandatory)
          .forEach(v -> rules.merge(v.ruleId(), 1, Integer::sum));
      if (policy == PolicyMode.ENFORCE && !rules.isEmpty()) {
        failedRules.put(name, rules);
        return POLICY_VIOLATIONS;
      }
      return OK;
    } catch (Exception e) {
      err.println("plan " + name + " failed: " + e.getMessage());
      return FAILED;
    }
  }

  /** Every stack file in the working directory, then the settings side by side. */
  private int planAll() {
    if (stack != null || config != null || diagram != null) {
      err.println("plan --all takes no STACK, --config or --diagram");
      return CONFIG_ERRORS;
    }
    List<String> stacks;
    try (var files = Files.list(directory)) {
      stacks =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("Pulumi\\.[^.]+\\.yaml"))
              .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
              .sorted(
                  java.util.Comparator.comparingInt(PlanCommand::stackOrder).thenComparing(n -> n))
              .toList();
    } catch (java.io.IOException e) {
      err.println("cannot list the working directory: " + e.getMessage());
      return CONFIG_ERRORS;
    }
    if (stacks.isEmpty()) {
      err.println("plan --all: no Pulumi.<stack>.yaml in the working directory");
      return CONFIG_ERRORS;
    }
    Map<String, Map<String, String>> summaries = new LinkedHashMap<>();
    List<AccountCheck.Stack> planned = new ArrayList<>();
    int worst = OK;
    for (String s : stacks) {
      if (!json) {
        out.println("=== " + s + " ===");
      }
      int code = planOne(s, directory.resolve("Pulumi." + s + ".yaml"), summaries, planned);
      worst = Math.max(worst, code);
      if (!json) {
        out.println();
      }
    }
    // The stacks that share an account, together (docs/plan.md, "plan --all"); off with --policy
    // off.
    AccountCheck.Result account =
        policy == PolicyMode.OFF ? null : AccountCheck.check(List.copyOf(planned));
    if (account != null) {
      worst = Math.max(worst, account.exitCode(policy));
      if (planned.size() < stacks.size()) {
        err.println(
            "account check: only the stacks that planned are checked ("
                + planned.size()
                + " of "
                + stacks.size()
                + ")");
      }
    }
    if (!json) {
      if (account != null) {
        account.print(out, policy);
      } else {
        out.println("Account check: off");
      }
      out.println();
    }
    Map<String, Map<String, Map<String, String>>> tiers = tiers();
    if (json) {
      ObjectNode doc = Json.MAPPER.createObjectNode();
      doc.set("stacks", allDocs);
      doc.set("comparison", Json.MAPPER.valueToTree(summaries));
      doc.set("tiers", Json.MAPPER.valueToTree(tiers));
      if (account != null) {
        doc.set("account", account.toJson(policy));
      } else {
        doc.putObject("account").put("mode", policy.key());
      }
      try {
        out.println(
            Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        err.println("plan --all: " + e.getMessage());
        return FAILED;
      }
    }
    PrintStream table = json ? err : out;
    table.println("Key settings by environment (read from each plan; - where absent):");
    StackSummary.printTable(table, summaries, json ? Integer.MAX_VALUE : width);
    tiers.forEach(
        (name, byTier) ->
            TierComparison.print(table, name, byTier, json ? Integer.MAX_VALUE : width));
    summarize(account);
    return worst;
  }

  /**
   * Each production stack that planned, planned again with each tier (TierComparison); a stack file
   * that cannot be read again is left out.
   */
  private Map<String, Map<String, Map<String, String>>> tiers() {
    Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
    production.forEach(
        (name, platform) -> {
          try {
            RawConfig raw = RawConfig.fromStackFile(directory.resolve("Pulumi." + name + ".yaml"));
            out.put(name, TierComparison.of(name, raw, platform.tier()));
          } catch (java.io.IOException | ConfigException e) {
            err.println("tier comparison of " + name + ": " + e.getMessage());
          }
        });
    return out;
  }

  private static int stackOrder(String stack) {
    int i = List.of("dev", "staging", "prod").indexOf(stack);
    return i < 0 ? 99 : i;
  }
}
