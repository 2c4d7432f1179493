package dev.plinth.config;

/**
 * The load a stack is sized for ({@code plinth:capacity}).
 *
 * @param concurrentUsers concurrent users the stack must serve: 0 (not given) in every environment.
 *     When given (prod or staging), it picks the tier (seed 001: small up to 1,000, medium up to
 *     10,000, large above) and derives seed 001's scaling formulas: application replicas =
 *     ceil(users / 500), database connections = users x 1.5, Redis memory = users x 0.1 MB ({@link
 *     Capacity}); the plan shows each with its formula, and the loader refuses a database class or
 *     cache node type too small for them ({@link CapacityValidation})
 */
public record CapacitySettings(int concurrentUsers) {

  /** No load given: the tier alone sizes the stack. */
  public static final CapacitySettings NONE = new CapacitySettings(0);

  public static CapacitySettings preset(Environment env) {
    return NONE;
  }

  /** Whether a load was given. */
  public boolean given() {
    return concurrentUsers > 0;
  }
}
