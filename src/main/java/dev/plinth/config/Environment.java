package dev.plinth.config;

import java.util.Arrays;
import java.util.List;

/** The three environments Plinth knows; each has a preset of documented defaults. */
public enum Environment implements Keyed {
  DEV,
  STAGING,
  PROD;

  @Override
  /**
   * The spelling used in stack files and resource names: {@code dev}, {@code staging}, {@code
   * prod}.
   */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isProduction() {
    return this == PROD;
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Environment::key).toList();
  }

  @Override
  public String toString() {
    return key();
  }
}
