package dev.plinth.policy;

import dev.plinth.plan.RecordedResource;
import java.util.ArrayList;
import java.util.List;

/** Collects a rule's problems with one resource; each message names the resource and the fix. */
final class Problems {
  private final RecordedResource resource;
  private final List<Problem> problems = new ArrayList<>();

  private Problems(RecordedResource resource) {
    this.resource = resource;
  }

  static Problems of(RecordedResource resource) {
    return new Problems(resource);
  }

  /** Records a problem unless {@code holds}. */
  Problems require(boolean holds, String aspect, String wrong, String fix) {
    if (!holds) {
      add(aspect, wrong, fix);
    }
    return this;
  }

  Problems add(String aspect, String wrong, String fix) {
    problems.add(Problem.of(aspect, resource.name() + ": " + wrong + "; fix: " + fix));
    return this;
  }

  List<Problem> list() {
    return List.copyOf(problems);
  }
}
