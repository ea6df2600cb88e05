package dev.boulevard.observation;

import java.util.Locale;

/** How an observed operation ended. */
public enum Outcome {
  /** It did what was asked. */
  OK,
  /** An append lost the race for a playhead to another writer: nothing of it was stored. */
  CONFLICT,
  /** It failed in any other way. */
  ERROR;

  /** {@return the outcome in lowercase, as metrics tag it: ok, conflict or error} */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
