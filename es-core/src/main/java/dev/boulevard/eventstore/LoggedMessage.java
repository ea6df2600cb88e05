package dev.boulevard.eventstore;

import dev.boulevard.domain.DomainMessage;
import java.util.Objects;

/**
 * An event as the global log returns it: the message and its place in the log.
 *
 * @param checkpoint the checkpoint a reader stores once it has handled this event
 * @param message the stored event
 */
public record LoggedMessage(Checkpoint checkpoint, DomainMessage message) {

  /** Rejects nulls. */
  public LoggedMessage {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(message, "message");
  }

  /** {@return the event's global position, a number users can see and compare} */
  public long position() {
    return checkpoint.position();
  }
}
