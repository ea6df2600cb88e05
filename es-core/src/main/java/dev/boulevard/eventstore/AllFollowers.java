package dev.boulevard.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Waits on several followers in turn within one timeout. Its boolean wait asks each follower for a
 * boolean too, so that a follower that reports a stop on its own (a log line) still does.
 */
final class AllFollowers implements LogFollower {

  private final List<LogFollower> each;

  AllFollowers(List<? extends LogFollower> followers) {
    this.each = List.copyOf(followers);
  }

  @Override
  public AwaitOutcome awaitOutcome(long position, Duration timeout) throws InterruptedException {
    long deadline = start(position, timeout);
    for (LogFollower follower : each) {
      AwaitOutcome outcome = follower.awaitOutcome(position, left(deadline));
      if (!outcome.reached()) {
        return outcome;
      }
    }
    return new AwaitOutcome.Reached();
  }

  @Override
  public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
    long deadline = start(position, timeout);
    for (LogFollower follower : each) {
      if (!follower.awaitPosition(position, left(deadline))) {
        return false;
      }
    }
    return true;
  }

  private static long start(long position, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (position < 0) {
      throw new IllegalArgumentException("A global position is 0 or more, got " + position);
    }
    return System.nanoTime() + timeout.toNanos();
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }
}
