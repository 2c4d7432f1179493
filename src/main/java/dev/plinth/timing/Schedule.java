package dev.plinth.timing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * When each task of a dependency graph starts and ends when at most {@code workers} tasks run at
 * once, as the Pulumi engine runs a deployment: a task waits for every task it depends on, then for
 * a free worker; free workers take waiting tasks in the order they became ready (ties in the order
 * given). Tasks of zero minutes (component resources, the stack) take no worker. Pure: the same
 * input gives the same schedule.
 *
 * @param start minutes from the deployment's start to each task's start
 * @param finish minutes to each task's end
 * @param makespan minutes to the last task's end: the deployment's length
 * @param path the critical path, first to last: the chain of tasks whose ends each started the next
 *     one, ending with the last to finish
 */
public record Schedule(
    Map<String, Double> start, Map<String, Double> finish, double makespan, List<Step> path) {

  /** A tolerance for comparing minutes summed in different orders. */
  static final double EPSILON = 1e-9;

  /**
   * One task on the critical path and why it started when it did: {@code afterWorker} when it was
   * ready earlier and waited for a worker (the previous step is the task that freed one), else
   * after its last dependency.
   */
  public record Step(String id, double start, double minutes, boolean afterWorker) {}

  /**
   * Schedules the tasks. {@code order} lists every task (its position breaks ties); {@code minutes}
   * gives each one's length; {@code dependsOn} each one's dependencies (ids outside {@code order}
   * are ignored). Fails on a cycle, naming a task on it.
   */
  public static Schedule of(
      List<String> order,
      Map<String, Double> minutes,
      Map<String, Set<String>> dependsOn,
      int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1 (got " + workers + ")");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i), i);
    }
    Map<String, List<String>> dependents = new HashMap<>();
    Map<String, Integer> waiting = new HashMap<>();
    for (String id : order) {
      int n = 0;
      for (String d : dependsOn.getOrDefault(id, Set.of())) {
        if (index.containsKey(d) && !d.equals(id)) {
          dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(id);
          n++;
        }
      }
      waiting.put(id, n);
    }
    Map<String, Double> ready = new HashMap<>();
    Map<String, String> lastDependency = new HashMap<>();
    Map<String, String> freedBy = new HashMap<>();
    Map<String, Double> start = new LinkedHashMap<>();
    Map<String, Double> finish = new LinkedHashMap<>();
    Comparator<String> byReady =
        Comparator.<String>comparingDouble(ready::get).thenComparingInt(index::get);
    PriorityQueue<String> queue = new PriorityQueue<>(byReady);
    PriorityQueue<String> running =
        new PriorityQueue<>(
            Comparator.<String>comparingDouble(finish::get).thenComparingInt(index::get));
    for (String id : order) {
      if (waiting.get(id) == 0) {
        ready.put(id, 0.0);
        queue.add(id);
      }
    }
    double now = 0;
    String lastFreed = null;
    while (!queue.isEmpty() || !running.isEmpty()) {
      // Start what can start now: zero-minute tasks always, others while a worker is free.
      List<String> deferred = new ArrayList<>();
      while (!queue.isEmpty() && ready.get(queue.peek()) <= now + EPSILON) {
        String id = queue.poll();
        double length = minutes.getOrDefault(id, 0.0);
        if (length > 0 && running.size() >= workers) {
          deferred.add(id);
          continue;
        }
        start.put(id, now);
        finish.put(id, now + length);
        if (now > ready.get(id) + EPSILON && lastFreed != null) {
          freedBy.put(id, lastFreed);
        }
        if (length > 0) {
          running.add(id);
        } else {
          release(id, now, dependents, waiting, ready, lastDependency, queue);
        }
      }
      queue.addAll(deferred);
      if (running.isEmpty()) {
        if (queue.isEmpty()) {
          break;
        }
        now = ready.get(queue.peek());
        continue;
      }
      // Advance to the next end, or to the next task becoming ready while a worker is free.
      double next = finish.get(running.peek());
      if (!queue.isEmpty() && running.size() < workers) {
        next = Math.min(next, ready.get(queue.peek()));
      }
      now = next;
      while (!running.isEmpty() && finish.get(running.peek()) <= now + EPSILON) {
        String done = running.poll();
        lastFreed = done;
        release(done, finish.get(done), dependents, waiting, ready, lastDependency, queue);
      }
    }
    if (start.size() != order.size()) {
      String stuck = order.stream().filter(id -> !start.containsKey(id)).findFirst().orElseThrow();
      throw new IllegalArgumentException("dependency cycle through " + stuck);
    }
    double makespan = finish.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return new Schedule(
        start, finish, makespan, path(order, minutes, start, finish, lastDependency, freedBy));
  }

  private static void release(
      String done,
      double at,
      Map<String, List<String>> dependents,
      Map<String, Integer> waiting,
      Map<String, Double> ready,
      Map<String, String> lastDependency,
      PriorityQueue<String> queue) {
    for (String next : dependents.getOrDefault(done, List.of())) {
      Double before = ready.get(next);
      if (before == null || at > before + EPSILON) {
        ready.put(next, at);
        lastDependency.put(next, done);
      }
      int left = waiting.merge(next, -1, Integer::sum);
      if (left == 0) {
        queue.add(next);
      }
    }
  }

  /** Back from the last task to end: through whatever made each task start when it did. */
  private static List<Step> path(
      List<String> order,
      Map<String, Double> minutes,
      Map<String, Double> start,
      Map<String, Double> finish,
      Map<String, String> lastDependency,
      Map<String, String> freedBy) {
    String last = null;
    for (String id : order) {
      if (last == null || finish.get(id) > finish.get(last) + EPSILON) {
        last = id;
      }
    }
    List<Step> steps = new ArrayList<>();
    String id = last;
    while (id != null) {
      boolean afterWorker = freedBy.containsKey(id);
      steps.add(new Step(id, start.get(id), minutes.getOrDefault(id, 0.0), afterWorker));
      id = afterWorker ? freedBy.get(id) : lastDependency.get(id);
    }
    Collections.reverse(steps);
    return List.copyOf(steps);
  }
}
