package dev.plinth.config;

/** An enum setting: {@link #key()} is how a stack file spells the value. */
public interface Keyed {
  String key();
}
