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
 * @param readyAfter for each task with dependencies, the one whose end made it ready (the last to
 *     end; the first in order among those ending together)
 */
public record Schedule(
    Map<String, Double> start,
    Map<String, Double> finish,
    double makespan,
    List<Step> path,
    Map<String, String> readyAfter) {

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
    int n = order.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(order.get(i), i);
    }
    double[] length = new double[n];
    int[] waiting = new int[n];
    List<List<Integer>> dependents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      length[i] = minutes.getOrDefault(order.get(i), 0.0);
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (String d : dependsOn.getOrDefault(order.get(i), Set.of())) {
        Integer j = index.get(d);
        if (j != null && j != i) {
          dependents.get(j).add(i);
          waiting[i]++;
        }
      }
    }
    Run run = new Run(n, workers, length, waiting, dependents);
    run.execute();
    if (run.started < n) {
      int stuck = 0;
      while (run.begin[stuck] >= 0) {
        stuck++;
      }
      throw new IllegalArgumentException("dependency cycle through " + order.get(stuck));
    }
    Map<String, Double> start = new LinkedHashMap<>();
    Map<String, Double> finish = new LinkedHashMap<>();
    Map<String, String> readyAfter = new LinkedHashMap<>();
    double makespan = 0;
    int last = -1;
    for (int i = 0; i < n; i++) {
      start.put(order.get(i), run.begin[i]);
      finish.put(order.get(i), run.end[i]);
      if (run.cause[i] >= 0) {
        readyAfter.put(order.get(i), order.get(run.cause[i]));
      }
      if (last < 0 || run.end[i] > run.end[last] + EPSILON) {
        last = i;
      }
      makespan = Math.max(makespan, run.end[i]);
    }
    List<Step> path = new ArrayList<>();
    for (int i = last; i >= 0; ) {
      boolean afterWorker = run.freedBy[i] >= 0;
      path.add(new Step(order.get(i), run.begin[i], length[i], afterWorker));
      i = afterWorker ? run.freedBy[i] : run.cause[i];
    }
    Collections.reverse(path);
    return new Schedule(
        Map.copyOf(start), Map.copyOf(finish), makespan, List.copyOf(path), readyAfter);
  }

  /** One simulation over task indexes: the event loop and what it learns. */
  private static final class Run {
    final int workers;
    final double[] length;
    final int[] waiting;
    final List<List<Integer>> dependents;
    final double[] ready;
    final double[] begin;
    final double[] end;
    final int[] cause;
    final int[] freedBy;
    int started;

    Run(int n, int workers, double[] length, int[] waiting, List<List<Integer>> dependents) {
      this.workers = workers;
      this.length = length;
      this.waiting = waiting;
      this.dependents = dependents;
      ready = new double[n];
      begin = new double[n];
      end = new double[n];
      cause = new int[n];
      freedBy = new int[n];
      java.util.Arrays.fill(begin, -1);
      java.util.Arrays.fill(cause, -1);
      java.util.Arrays.fill(freedBy, -1);
    }

    void execute() {
      PriorityQueue<Integer> queue =
          new PriorityQueue<>(
              Comparator.<Integer>comparingDouble(i -> ready[i]).thenComparingInt(i -> i));
      PriorityQueue<Integer> running =
          new PriorityQueue<>(
              Comparator.<Integer>comparingDouble(i -> end[i]).thenComparingInt(i -> i));
      for (int i = 0; i < length.length; i++) {
        if (waiting[i] == 0) {
          queue.add(i);
        }
      }
      double now = 0;
      int lastFreed = -1;
      while (!queue.isEmpty() || !running.isEmpty()) {
        // Start what can start now: zero-minute tasks always, others while a worker is free.
        List<Integer> deferred = new ArrayList<>();
        while (!queue.isEmpty()) {
          int id = queue.poll();
          if (length[id] > 0 && running.size() >= workers) {
            deferred.add(id);
            continue;
          }
          begin[id] = now;
          end[id] = now + length[id];
          started++;
          if (now > ready[id] + EPSILON && lastFreed >= 0) {
            freedBy[id] = lastFreed;
          }
          if (length[id] > 0) {
            running.add(id);
          } else {
            release(id, now, queue);
          }
        }
        queue.addAll(deferred);
        if (running.isEmpty()) {
          break;
        }
        now = end[running.peek()];
        while (!running.isEmpty() && end[running.peek()] <= now + EPSILON) {
          int done = running.poll();
          lastFreed = done;
          release(done, end[done], queue);
        }
      }
    }

    private void release(int done, double at, PriorityQueue<Integer> queue) {
      for (int next : dependents.get(done)) {
        if (cause[next] < 0 || at > ready[next] + EPSILON) {
          ready[next] = at;
          cause[next] = done;
        }
        if (--waiting[next] == 0) {
          queue.add(next);
        }
      }
    }
  }
}
