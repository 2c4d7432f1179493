package dev.plinth.policy;

import java.util.List;

/**
 * Deployability: the constraints that make AWS refuse a create or an update, for network, zones,
 * the edge, budgets and account-wide names and singletons within one stack (DEP-40 to DEP-59). Each
 * rule cites the API reference or service model field it encodes.
 */
final class NetworkDeployRules {
  private NetworkDeployRules() {}

  static List<Rule> all() {
    return List.of();
  }
}
