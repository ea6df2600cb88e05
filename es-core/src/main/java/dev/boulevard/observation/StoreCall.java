package dev.boulevard.observation;

import java.time.Duration;
import java.util.Objects;

/**
 * One append to, or load from, an event store, once it ended.
 *
 * @param store the name the store was observed under, such as its table
 * @param events how many events were appended or loaded; 0 when it failed
 * @param duration how long it took
 * @param outcome how it ended
 */
public record StoreCall(String store, int events, Duration duration, Outcome outcome) {

  /** Rejects nulls and negative counts. */
  public StoreCall {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(outcome, "outcome");
    if (events < 0) {
      throw new IllegalArgumentException("A store call handles 0 events or more, not " + events);
    }
  }
}
