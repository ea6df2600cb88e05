package dev.boulevard.readmodel.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What someone decided about a parked projection, kept as a record of who skipped what.
 *
 * @param projection the projection's name
 * @param kind whether the event was retried or skipped
 * @param parked the event the projection was parked at
 * @param reason why, in the decider's words
 * @param decidedAt when
 */
public record ProjectionDecision(
    String projection, Kind kind, ParkedEvent parked, String reason, Instant decidedAt) {

  /** Rejects nulls. */
  public ProjectionDecision {
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(parked, "parked");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** The decisions that end a park. */
  public enum Kind {
    /** Handle the parked event again, for instance after a fix was deployed. */
    RESUME,
    /** Move past the parked event without handling it. */
    SKIP
  }
}
