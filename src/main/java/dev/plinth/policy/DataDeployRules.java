package dev.plinth.policy;

import java.util.List;

/**
 * Deployability: the constraints that make AWS refuse a create or an update, for PostgreSQL, Redis,
 * KMS key policies, buckets and log groups (DEP-01 to DEP-19). Each rule cites the API reference or
 * service model field it encodes.
 */
final class DataDeployRules {
  private DataDeployRules() {}

  static List<Rule> all() {
    return List.of();
  }
}
