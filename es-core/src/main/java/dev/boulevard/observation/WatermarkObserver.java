package dev.boulevard.observation;

import java.time.Duration;

/**
 * Hears how long readers of a global log were held back at its watermark: events were stored that
 * readers could not see yet, because an older transaction was still running. Implementations must
 * be thread-safe and quick, and should not throw.
 */
@FunctionalInterface
public interface WatermarkObserver {

  /**
   * A hold ended: readers see everything stored again.
   *
   * @param log the name of the log, such as its table
   * @param heldFor how long the readers were held back, as measured by the periodic check
   */
  void released(String log, Duration heldFor);

  /**
   * A hold goes on: told at each periodic check while readers are held back, so that a health check
   * can see a hold before it ends. Does nothing unless overridden.
   *
   * @param log the name of the log, such as its table
   * @param heldSoFar how long the readers have been held back until now
   */
  default void holding(String log, Duration heldSoFar) {}
}
