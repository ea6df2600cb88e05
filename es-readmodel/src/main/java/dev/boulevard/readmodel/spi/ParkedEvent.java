package dev.boulevard.readmodel.spi;

import dev.boulevard.eventstore.Checkpoint;
import java.time.Instant;
import java.util.Objects;

/**
 * The event a projection stopped at after its projector kept failing on it, or the entry of the log
 * it stopped at because nothing can read it.
 *
 * @param checkpoint the event's checkpoint in the global log
 * @param eventType the event's stored type name, as the log names it ({@link
 *     dev.boulevard.eventstore.GlobalEventLog#storedTypeOf}), also for an entry that cannot be read
 * @param error the last failure, as its class name and message
 * @param parkedAt when the projection was parked
 */
public record ParkedEvent(Checkpoint checkpoint, String eventType, String error, Instant parkedAt) {

  /** Rejects nulls. */
  public ParkedEvent {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(parkedAt, "parkedAt");
  }

  /** {@return the event's global position} */
  public long position() {
    return checkpoint.position();
  }
}
