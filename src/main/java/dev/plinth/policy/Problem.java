package dev.plinth.policy;

/**
 * One thing a rule found wrong with a resource.
 *
 * @param aspect a short key for which part of the rule failed ({@code port 443}, {@code username});
 *     an exception may cover some aspects of a rule and not others
 * @param message what is wrong and how to fix it
 */
public record Problem(String aspect, String message) {
  public static Problem of(String aspect, String message) {
    return new Problem(aspect, message);
  }
}
