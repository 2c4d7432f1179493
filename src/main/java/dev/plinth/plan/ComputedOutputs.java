package dev.plinth.plan;

import java.util.Map;

/**
 * What one AWS resource type's service computes on creation (addresses, ARNs of its own shape,
 * status), written into the resource's mocked state.
 */
@FunctionalInterface
interface ComputedOutputs {
  /**
   * @param region the region the resource is created in
   * @param id the id the mocks gave it
   * @param state its inputs plus {@code name} and {@code arn}, to complete in place
   */
  void fill(String region, String id, Map<String, Object> state);
}
