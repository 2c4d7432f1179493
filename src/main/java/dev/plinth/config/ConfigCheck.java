package dev.plinth.config;

import java.util.List;

/**
 * One rule over a bound configuration: a pure function that returns every problem it finds, or an
 * empty list. Each component package provides the checks of the settings it owns, so that this
 * package needs to know none of them; the composition side ({@code dev.plinth.Checks}) lists them
 * all and hands the list to {@link ConfigLoader#load(RawConfig, String, List)}.
 */
@FunctionalInterface
public interface ConfigCheck {
  List<ConfigProblem> check(PlatformConfig config);
}
