package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Severity.MANDATORY;

import dev.plinth.plan.RecordedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Disaster-recovery pairs (issue 17): a standby stands in for its primary's region, so nothing of
 * it may live there. The stack says it is a standby, and of which region, in its outputs ({@code
 * drRole}, {@code primaryRegion}); a primary's plan is not concerned.
 */
final class DrRules {
  private DrRules() {}

  static final String STACK = "pulumi:pulumi:Stack";

  static List<Rule> all() {
    return List.of(nothingInThePrimaryRegion());
  }

  /**
   * Every resource of a standby is created through an AWS provider of another region than its
   * primary's: each provider's {@code region} input, and the stack's region for a resource without
   * one. One finding on the stack, one problem per resource there.
   */
  static Rule nothingInThePrimaryRegion() {
    return Rule.of(
        "DR-01",
        "a standby creates nothing in its primary's region (it is lost with it)",
        MANDATORY,
        ALL,
        "issue 17; the AWS provider's region decides where a resource is created",
        List.of(STACK),
        (stack, ctx) -> {
          if (!ctx.standby()) {
            return List.of();
          }
          String primaryRegion = ctx.primaryRegion();
          Map<String, String> providerRegions = new HashMap<>();
          for (RecordedResource p : ctx.ofType("pulumi:providers:aws")) {
            providerRegions.put(p.urn(), In.text(p, "region").orElse(ctx.stackRegion()));
          }
          Problems problems = Problems.of(stack);
          for (RecordedResource r : ctx.graph().resources()) {
            String region = regionOf(r, providerRegions, ctx.stackRegion());
            problems.require(
                !primaryRegion.equals(region),
                "region",
                r.name() + " (" + r.type() + ") is created in " + region + ", the primary's region",
                "create it through a provider of the standby's region, or not at all in a standby");
          }
          return problems.list();
        });
  }

  /** Where a resource is created: a provider's own region, or its provider's, or the stack's. */
  private static String regionOf(
      RecordedResource r, Map<String, String> providerRegions, String stackRegion) {
    if (r.type().equals("pulumi:providers:aws")) {
      return providerRegions.getOrDefault(r.urn(), stackRegion);
    }
    if (!r.type().startsWith("aws:")) {
      return "";
    }
    if (r.provider() == null) {
      return stackRegion;
    }
    // A provider reference is the provider's URN, "::", its id.
    int cut = r.provider().lastIndexOf("::");
    String providerUrn = cut < 0 ? r.provider() : r.provider().substring(0, cut);
    return providerRegions.getOrDefault(providerUrn, stackRegion);
  }
}
