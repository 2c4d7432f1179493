package dev.plinth.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.PlatformConfig;
import dev.plinth.cost.CostEstimator;
import dev.plinth.cost.CostReport;
import dev.plinth.plan.ResourceGraph;
import dev.plinth.policy.Policy;
import dev.plinth.policy.PolicyMode;
import dev.plinth.policy.PolicyReport;
import dev.plinth.timing.DeployTime;
import java.io.PrintStream;

/**
 * The review gates of one planned stack: the policy verdicts (unless {@code --policy off}), the
 * cost estimate, what the stack is sized for (its tier and load, {@link Sizing}) and the deploy
 * time. {@code plan} prints them after the preview and adds them to its JSON.
 */
public record Review(
    PolicyMode mode, PolicyReport policy, CostReport cost, Sizing sizing, DeployTime deploy) {
  /** Exit code of a plan whose mandatory rules fail under {@code --policy enforce}. */
  public static final int POLICY_VIOLATIONS = 3;

  public static Review of(ResourceGraph graph, PlatformConfig config, PolicyMode mode) {
    CostReport cost =
        CostEstimator.estimate(
            graph, config.cost(), config.region(), config.officeHours(), config.cache());
    PolicyReport policy =
        mode == PolicyMode.OFF
            ? null
            : Policy.evaluate(
                graph, config.environment(), java.util.OptionalDouble.of(cost.total()));
    return new Review(mode, policy, cost, Sizing.of(config), DeployTime.of(graph));
  }

  /** 3 when enforcing and a mandatory rule fails, else 0. */
  public int exitCode() {
    return mode == PolicyMode.ENFORCE && !policy.mandatoryFailures().isEmpty()
        ? POLICY_VIOLATIONS
        : 0;
  }

  public void print(PrintStream out) {
    print(out, Integer.MAX_VALUE);
  }

  /** Prints the gates, the deploy time's lines cut to {@code width} columns. */
  public void print(PrintStream out, int width) {
    out.println();
    if (policy != null) {
      policy.print(out, mode);
    } else {
      out.println("Policy: off");
    }
    out.println();
    cost.print(out);
    out.println();
    sizing.print(out);
    deploy.print(out, width);
  }

  /** Adds {@code policy}, {@code cost} and {@code deploy} beside the plan document's keys. */
  public void addTo(ObjectNode doc) {
    if (policy != null) {
      doc.set("policy", policy.toJson(mode));
    } else {
      doc.putObject("policy").put("mode", mode.key());
    }
    doc.set("cost", cost.toJson());
    doc.set("sizing", sizing.toJson());
    doc.set("deploy", deploy.toJson());
  }
}
