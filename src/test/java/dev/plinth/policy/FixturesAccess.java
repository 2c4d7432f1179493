package dev.plinth.policy;

import dev.plinth.testing.GraphBuilder;

/** The compliant platform fixture, for tests in other packages (cost, diagram). */
public final class FixturesAccess {
  private FixturesAccess() {}

  public static GraphBuilder compliant(String env) {
    return Fixtures.compliant(env);
  }
}
