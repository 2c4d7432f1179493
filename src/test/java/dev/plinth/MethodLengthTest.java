package dev.plinth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The method-length rule: no method or constructor in src/main/java is over 120 lines, and none in
 * the composition root (Platform.java) is over 60. A method's length is counted from its first line
 * (annotations and modifiers included, Javadoc not) to its closing brace, as the JDK's own parser
 * (the compiler tree API) places them.
 */
class MethodLengthTest {
  static final int LIMIT = 120;
  static final int PLATFORM_LIMIT = 60;
  static final String PLATFORM = "dev/plinth/Platform.java";

  /** One measured method: where it is, how long it is and its limit. */
  record Measured(String file, String method, int lines, int limit) {
    String key() {
      return file + "#" + method;
    }

    boolean over() {
      return lines > limit;
    }

    @Override
    public String toString() {
      return key() + " is " + lines + " lines (limit " + limit + ")";
    }
  }

  @Test
  void noMethodOrConstructorIsOverItsLimit() {
    List<String> offenders =
        measureMainSources().stream().filter(Measured::over).map(Measured::toString).toList();
    assertThat(offenders).as("methods over the limit: split them into named steps").isEmpty();
  }

  @Test
  void lengthIsCountedFromTheFirstLineToTheClosingBraceForMethodsAndConstructors() {
    String source =
        String.join(
            "\n",
            "package p;",
            "class Sample {",
            "  /** Javadoc is not counted. */",
            "  @Deprecated",
            "  Sample() {",
            "    int a = 1;",
            "  }",
            "",
            "  void one() {}",
            "",
            "  class Inner {",
            "    int three() {",
            "      return 3;",
            "    }",
            "  }",
            "}");
    List<Measured> measured = measure(List.of(new InMemorySource("p/Sample.java", source)));
    assertThat(measured)
        .extracting(Measured::key, Measured::lines)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("p/Sample.java#Sample", 4),
            org.assertj.core.groups.Tuple.tuple("p/Sample.java#one", 1),
            org.assertj.core.groups.Tuple.tuple("p/Sample.java#three", 3));
  }

  @Test
  void platformMethodsHaveTheStricterLimit() {
    assertThat(new Measured(PLATFORM, "deploy", 61, limitFor(PLATFORM)).over()).isTrue();
    assertThat(new Measured("dev/plinth/Main.java", "main", 61, limitFor("dev/plinth/Main.java")))
        .extracting(Measured::over)
        .isEqualTo(false);
  }

  static int limitFor(String file) {
    return file.equals(PLATFORM) ? PLATFORM_LIMIT : LIMIT;
  }

  /** Every method and constructor of src/main/java, measured. */
  static List<Measured> measureMainSources() {
    Path root = Path.of("src/main/java");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null)) {
      List<JavaFileObject> sources = new ArrayList<>();
      fm.getJavaFileObjectsFromPaths(files).forEach(sources::add);
      List<Measured> measured = measure(sources);
      assertThat(measured).as("methods found under " + root).isNotEmpty();
      return measured;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the sources (no compilation) and measures each method and constructor. */
  static List<Measured> measure(List<? extends JavaFileObject> sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    JavacTask task =
        (JavacTask) compiler.getTask(null, null, null, List.of("-proc:none"), null, sources);
    SourcePositions positions = Trees.instance(task).getSourcePositions();
    List<Measured> measured = new ArrayList<>();
    try {
      for (CompilationUnitTree unit : task.parse()) {
        String file = relativeName(unit);
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitMethod(MethodTree method, Void unused) {
            long start = positions.getStartPosition(unit, method);
            long end = positions.getEndPosition(unit, method);
            if (start >= 0 && end >= 0 && method.getBody() != null) {
              int lines =
                  (int)
                      (unit.getLineMap().getLineNumber(end)
                          - unit.getLineMap().getLineNumber(start)
                          + 1);
              measured.add(new Measured(file, nameOf(method), lines, limitFor(file)));
            }
            return super.visitMethod(method, unused);
          }

          private String nameOf(MethodTree method) {
            if (!method.getName().contentEquals("<init>")) {
              return method.getName().toString();
            }
            ClassTree owner = (ClassTree) getCurrentPath().getParentPath().getLeaf();
            return owner.getSimpleName().toString();
          }
        }.scan(unit, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return measured;
  }

  /** The file's path under src/main/java (or the in-memory name), with '/' separators. */
  private static String relativeName(CompilationUnitTree unit) {
    String path = unit.getSourceFile().toUri().getPath().replace('\\', '/');
    int at = path.indexOf("src/main/java/");
    return at >= 0 ? path.substring(at + "src/main/java/".length()) : path.replaceFirst("^/", "");
  }

  /** A source file held in memory, for measuring a known sample. */
  private static final class InMemorySource extends SimpleJavaFileObject {
    private final String text;

    InMemorySource(String name, String text) {
      super(URI.create("string:///" + name), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
