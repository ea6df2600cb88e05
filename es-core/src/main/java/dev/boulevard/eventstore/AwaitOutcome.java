package dev.boulevard.eventstore;

import java.util.Objects;

/** How a wait for a {@link LogFollower} to take in a global position ended, and why. */
public sealed interface AwaitOutcome {

  /** {@return whether the follower took the event in} */
  default boolean reached() {
    return this instanceof Reached;
  }

  /** The follower took the event in, and every event before it. */
  record Reached() implements AwaitOutcome {}

  /** The timeout passed before the follower took the event in. */
  record TimedOut() implements AwaitOutcome {}

  /**
   * A follower is stuck before the event, for instance a projection parked at an event its
   * projector kept failing on, so it takes the event in only once an operator resumes it or tells
   * it to skip.
   *
   * @param follower the name of the part that is stuck, such as the parked projection's
   * @param position the global position it is stuck at
   * @param storedType the stored type name of the event there, as the log names it
   * @param error the last failure there, as its class name and message
   */
  record Stuck(String follower, long position, String storedType, String error)
      implements AwaitOutcome {

    /** Rejects nulls. */
    public Stuck {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(storedType, "storedType");
      Objects.requireNonNull(error, "error");
    }
  }
}
