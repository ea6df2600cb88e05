package dev.boulevard.readmodel.projection;

import java.time.Duration;
import java.util.Objects;

/**
 * How a projection retries an event its projector failed on before it parks, and how it waits out
 * storage failures, which it retries without end.
 *
 * @param attempts how many times an event is handled before the projection parks: 1 or more
 * @param firstPause the pause before the first retry; each later pause doubles
 * @param longestPause the longest pause
 */
public record RetryPolicy(int attempts, Duration firstPause, Duration longestPause) {

  /** Rejects nonsense. */
  public RetryPolicy {
    Objects.requireNonNull(firstPause, "firstPause");
    Objects.requireNonNull(longestPause, "longestPause");
    if (attempts < 1) {
      throw new IllegalArgumentException("A retry policy makes 1 attempt or more, not " + attempts);
    }
    if (firstPause.isNegative() || longestPause.compareTo(firstPause) < 0) {
      throw new IllegalArgumentException(
          "Pauses are 0 or more and the longest is at least the first, got "
              + firstPause
              + " and "
              + longestPause);
    }
  }

  /** {@return 5 attempts, pausing 100 ms, then 200 ms, and so on up to 10 s} */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10));
  }

  /** {@return the pause after the given failed attempt, counted from 1} */
  public Duration pauseAfter(int failedAttempt) {
    Duration pause = firstPause;
    for (int i = 1; i < failedAttempt && pause.compareTo(longestPause) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(longestPause) > 0 ? longestPause : pause;
  }
}
