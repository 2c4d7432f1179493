package dev.plinth.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static Map<String, Set<String>> deps(Object... pairs) {
    Map<String, Set<String>> out = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], Set.copyOf((List<String>) pairs[i + 1]));
    }
    return out;
  }

  private static List<String> ids(Schedule s) {
    return s.path().stream().map(Schedule.Step::id).toList();
  }

  @Test
  void aChainTakesTheSumOfItsTasksAndIsItsOwnCriticalPath() {
    Schedule s =
        Schedule.of(
            List.of("a", "b", "c"),
            Map.of("a", 1.0, "b", 2.0, "c", 3.0),
            deps("b", List.of("a"), "c", List.of("b")),
            8);

    assertThat(s.makespan()).isEqualTo(6.0);
    assertThat(ids(s)).containsExactly("a", "b", "c");
    assertThat(s.start()).containsEntry("c", 3.0);
  }

  @Test
  void aDiamondTakesItsLongerBranchAndThePathGoesThroughIt() {
    Schedule s =
        Schedule.of(
            List.of("top", "short", "long", "bottom"),
            Map.of("top", 1.0, "short", 2.0, "long", 5.0, "bottom", 1.0),
            deps(
                "short", List.of("top"),
                "long", List.of("top"),
                "bottom", List.of("short", "long")),
            8);

    assertThat(s.makespan()).isEqualTo(7.0);
    assertThat(ids(s)).containsExactly("top", "long", "bottom");
    assertThat(s.path()).noneMatch(Schedule.Step::afterWorker);
  }

  @Test
  void atMostTheParallelLimitRunsAtOnceAndAWaitShowsOnThePath() {
    List<String> four = List.of("a", "b", "c", "d");
    Map<String, Double> minute = Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0);

    Schedule two = Schedule.of(four, minute, Map.of(), 2);
    Schedule unbounded = Schedule.of(four, minute, Map.of(), 4);
    Schedule one = Schedule.of(four, minute, Map.of(), 1);

    assertThat(two.makespan()).as("four 1-minute tasks on 2 workers").isEqualTo(2.0);
    assertThat(unbounded.makespan()).as("on 4 workers").isEqualTo(1.0);
    assertThat(one.makespan()).as("on 1 worker").isEqualTo(4.0);
    assertThat(two.start()).as("the first in order start first").containsEntry("a", 0.0);
    assertThat(two.start()).containsEntry("c", 1.0);
    assertThat(two.path().get(two.path().size() - 1).afterWorker())
        .as("the last task waited for a worker, not for a dependency")
        .isTrue();
  }

  @Test
  void aZeroMinuteTaskTakesNoWorkerSoAComponentNeverQueues() {
    Schedule s =
        Schedule.of(
            List.of("busy", "component", "child"),
            Map.of("busy", 10.0, "component", 0.0, "child", 1.0),
            deps("child", List.of("component")),
            1);

    assertThat(s.start())
        .as("the component starts while the one worker is busy")
        .containsEntry("component", 0.0);
    assertThat(s.start()).as("its child waits for the worker").containsEntry("child", 10.0);
    assertThat(s.makespan()).isEqualTo(11.0);
  }

  @Test
  void aCycleFailsNamingATaskOnIt() {
    assertThatThrownBy(
            () ->
                Schedule.of(
                    List.of("a", "b"),
                    Map.of("a", 1.0, "b", 1.0),
                    deps("a", List.of("b"), "b", List.of("a")),
                    2))
        .hasMessageContaining("dependency cycle through a");
  }

  @Test
  void noWorkerAtAllIsRefused() {
    assertThatThrownBy(() -> Schedule.of(List.of("a"), Map.of("a", 1.0), Map.of(), 0))
        .hasMessageContaining("workers must be at least 1 (got 0)");
  }
}
