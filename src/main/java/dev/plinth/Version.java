package dev.plinth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code plinth --version} and {@code plinth plan --version} print: Plinth's version and the
 * Pulumi packages it was built with, read from {@code dev/plinth/plinth.properties}, which Maven
 * fills in from pom.xml (resource filtering of src/main/filtered).
 */
public final class Version {
  private Version() {}

  /** One line, e.g. {@code plinth 0.1.0 (Pulumi Java SDK 1.36.1, pulumi-aws 6.83.0; Java 17)}. */
  public static String line() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("plinth.properties")) {
      if (in == null) {
        throw new IllegalStateException("dev/plinth/plinth.properties is not on the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "plinth "
        + p.getProperty("version")
        + " (Pulumi Java SDK "
        + p.getProperty("pulumi.sdk")
        + ", pulumi-aws "
        + p.getProperty("pulumi.aws")
        + "; Java "
        + Runtime.version()
        + ")";
  }

  /** For picocli's {@code -V/--version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {line()};
    }
  }
}
