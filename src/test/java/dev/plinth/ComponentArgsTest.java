package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Components take a few typed handles, not columns of loose values (issue 15): a component's {@code
 * Args} has at most {@value #MAX_ARGS} components, so that a call site reads by what it passes.
 */
class ComponentArgsTest {
  static final int MAX_ARGS = 8;

  /** Every concrete component class compiled from src/main/java. */
  static List<Class<?>> components() throws IOException {
    Path classes = Path.of("target/classes");
    try (Stream<Path> files = Files.walk(classes.resolve("dev/plinth"))) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .map(ComponentArgsTest::load)
          .filter(c -> Component.class.isAssignableFrom(c) && c != Component.class)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ComponentArgsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyComponentsArgsHasAtMostEightComponents() throws IOException {
    List<Class<?>> components = components();
    assertThat(components)
        .as("component classes found under target/classes")
        .extracting(Class::getSimpleName)
        .contains("Network", "Database", "Cluster", "Application");
    for (Class<?> component : components) {
      Arrays.stream(component.getDeclaredClasses())
          .filter(c -> c.getSimpleName().equals("Args") && c.isRecord())
          .forEach(
              args -> {
                List<String> names =
                    Arrays.stream(args.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList();
                assertThat(names)
                    .as(
                        "%s.Args has %d components (at most %d: pass a handle, not its parts): %s",
                        component.getSimpleName(), names.size(), MAX_ARGS, names)
                    .hasSizeLessThanOrEqualTo(MAX_ARGS);
              });
    }
  }
}
