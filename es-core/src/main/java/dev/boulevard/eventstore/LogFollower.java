package dev.boulevard.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A reader that follows the global log behind the writers, such as the projections or the process
 * managers, and that a writer can wait on to read its own writes.
 *
 * <pre>{@code
 * DispatchResult result = commandBus.dispatch(command);
 * LogFollower.all(projections, sagas).awaitPosition(result.position(), Duration.ofSeconds(5));
 * }</pre>
 */
public interface LogFollower {

  /**
   * Waits until this reader has taken in the event at a global position, and every event before it.
   *
   * @param position the event's global position, as its append reported it; 0, what an append of
   *     nothing reports, is taken in at once
   * @param timeout how long to wait at most
   * @return whether the reader took the event in; false after the timeout, or at once if the reader
   *     is stuck before it
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws IllegalArgumentException if the position is negative
   */
  boolean awaitPosition(long position, Duration timeout) throws InterruptedException;

  /** {@return one follower that waits on all of the given ones, within a single timeout} */
  static LogFollower all(LogFollower... followers) {
    return all(List.of(followers));
  }

  /**
   * {@return one follower that waits on each of the given ones in turn, within a single timeout}
   */
  static LogFollower all(List<? extends LogFollower> followers) {
    List<LogFollower> each = List.copyOf(followers);
    return (position, timeout) -> {
      Objects.requireNonNull(timeout, "timeout");
      if (position < 0) {
        throw new IllegalArgumentException("A global position is 0 or more, got " + position);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (LogFollower follower : each) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!follower.awaitPosition(position, left)) {
          return false;
        }
      }
      return true;
    };
  }
}
