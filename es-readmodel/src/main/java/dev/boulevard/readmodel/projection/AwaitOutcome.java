package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.spi.ParkedEvent;

/** How a wait for the projections to take in an event ended. */
public sealed interface AwaitOutcome {

  /** {@return whether every projection took the event in} */
  default boolean reached() {
    return this instanceof Reached;
  }

  /** Every projection took the event in. */
  record Reached() implements AwaitOutcome {}

  /** The timeout passed before every projection took the event in. */
  record TimedOut() implements AwaitOutcome {}

  /**
   * A projection is parked before the event, so it takes the event in only once it is resumed or
   * told to skip.
   *
   * @param projection the parked projection's name
   * @param parked the event it is parked at, with its position and stored type
   */
  record Parked(String projection, ParkedEvent parked) implements AwaitOutcome {}
}
