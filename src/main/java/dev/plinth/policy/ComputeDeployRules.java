package dev.plinth.policy;

import java.util.List;

/**
 * Deployability: the constraints that make AWS refuse a create or an update, for EKS, node groups,
 * add-ons, Helm charts, controller policies and Kubernetes objects (DEP-20 to DEP-39). Each rule
 * cites the API reference or service model field it encodes.
 */
final class ComputeDeployRules {
  private ComputeDeployRules() {}

  static List<Rule> all() {
    return List.of();
  }
}
