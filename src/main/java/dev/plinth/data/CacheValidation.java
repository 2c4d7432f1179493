package dev.plinth.data;

import dev.plinth.config.CacheSettings;
import dev.plinth.config.ConfigCheck;
import dev.plinth.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pure checks of {@code plinth:cache}: the node type's name, so that a typo in a cost lever (dev's
 * cache.t4g.micro) fails before anything is registered instead of at ElastiCache's API.
 */
public final class CacheValidation {
  static final String KEY = "plinth:cache";

  /** The rules of the cache settings, as one check of the loader; dev.plinth.Checks lists it. */
  public static final ConfigCheck CHECK = config -> validate(config.cache());

  /** An ElastiCache node type: {@code cache.}, a family, a size ({@code cache.t4g.micro}). */
  static final Pattern NODE_TYPE = Pattern.compile("cache\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");

  private CacheValidation() {}

  public static List<ConfigProblem> validate(CacheSettings s) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!NODE_TYPE.matcher(s.nodeType()).matches()) {
      problems.add(
          ConfigProblem.of(
              KEY + ".nodeType",
              "must be an ElastiCache node type such as cache.t4g.micro or cache.r6g.large",
              s.nodeType()));
    }
    return problems;
  }
}
