package dev.boulevard.eventstore;

import java.time.Duration;
import java.util.List;

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
   * Waits until this reader has taken in the event at a global position, and every event before it,
   * and says why not if it did not.
   *
   * @param position the event's global position, as its append reported it; 0, what an append of
   *     nothing reports, is reached at once
   * @param timeout how long to wait at most
   * @return reached; timed out; or, at once, where and why the reader is stuck before the event
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws IllegalArgumentException if the position is negative
   */
  AwaitOutcome awaitOutcome(long position, Duration timeout) throws InterruptedException;

  /**
   * Waits until this reader has taken in the event at a global position, and every event before it.
   *
   * @param position the event's global position, as its append reported it; 0, what an append of
   *     nothing reports, is taken in at once
   * @param timeout how long to wait at most
   * @return whether the reader took the event in; false after the timeout, or at once if the reader
   *     is stuck before it ({@link #awaitOutcome} says where and why)
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws IllegalArgumentException if the position is negative
   */
  default boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
    return awaitOutcome(position, timeout).reached();
  }

  /**
   * {@return one follower that waits on each of the given ones in turn, within a single timeout,
   * and answers the first outcome that is not reached}
   *
   * @param followers the followers, in the order to wait on them
   */
  static LogFollower all(LogFollower... followers) {
    return all(List.of(followers));
  }

  /**
   * {@return one follower that waits on each of the given ones in turn, within a single timeout,
   * and answers the first outcome that is not reached: the first stuck follower, or the timeout}
   *
   * @param followers the followers, in the order to wait on them
   */
  static LogFollower all(List<? extends LogFollower> followers) {
    return new AllFollowers(followers);
  }
}
