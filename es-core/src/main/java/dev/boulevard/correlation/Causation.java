package dev.boulevard.correlation;

import dev.boulevard.domain.DomainMessage;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the current thread's work was caused by: the chain it belongs to and the message that
 * started this link of it.
 *
 * <p>The current causation is kept per thread while a command is handled (see {@link
 * dev.boulevard.commandhandling.CorrelatingCommandBus}) or while a listener reacts to an event (see
 * {@link #of(DomainMessage)}), and enrichers copy it into the metadata of the events recorded
 * meanwhile.
 *
 * @param correlationId the id shared by every command and event of one chain of work
 * @param causationId the id of the command or event that caused the current work
 */
public record Causation(String correlationId, String causationId) {

  /** The metadata key under which the correlation id is stored. */
  public static final String CORRELATION_ID = "correlation_id";

  /** The metadata key under which the causation id is stored. */
  public static final String CAUSATION_ID = "causation_id";

  private static final ThreadLocal<Causation> CURRENT = new ThreadLocal<>();

  /** Rejects nulls. */
  public Causation {
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(causationId, "causationId");
  }

  /**
   * Makes the causation of work done in reaction to a stored event: the event's own correlation id
   * (or its event id, if it has none) and the event's id as the cause.
   *
   * @param event the event reacted to
   * @return the causation
   */
  public static Causation of(DomainMessage event) {
    String eventId = event.eventId().toString();
    return new Causation(event.metadata().get(CORRELATION_ID).orElse(eventId), eventId);
  }

  /** {@return the causation of the current thread's work, if any} */
  public static Optional<Causation> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Runs work with this causation as the current one, and restores the previous one afterwards.
   *
   * @param work the work
   * @param <T> the work's result type
   * @return the work's result
   */
  public <T> T callWith(Supplier<T> work) {
    Causation previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * Runs work with this causation as the current one, and restores the previous one afterwards.
   *
   * @param work the work
   */
  public void runWith(Runnable work) {
    callWith(
        () -> {
          work.run();
          return null;
        });
  }
}
