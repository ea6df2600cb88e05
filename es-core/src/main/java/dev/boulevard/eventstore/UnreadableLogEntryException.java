package dev.boulevard.eventstore;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link GlobalEventLog#read} when the next entry of the log cannot be read back (a
 * corrupt payload, a type or version nothing reads): it carries the entry's checkpoint, so that a
 * reader can stop on it, report it, and, if told to, go on after it.
 *
 * <p>The entries before it in the same batch are returned first; the read that starts at it throws.
 */
public final class UnreadableLogEntryException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable Checkpoint checkpoint;
  private final String storedType;

  private UnreadableLogEntryException(Checkpoint checkpoint, String storedType, Throwable cause) {
    super(
        "Cannot read the global log's entry at position "
            + checkpoint.position()
            + " (stored type '"
            + storedType
            + "'): "
            + cause.getMessage(),
        cause);
    this.checkpoint = checkpoint;
    this.storedType = storedType;
  }

  /**
   * Reports an entry of the log that cannot be read.
   *
   * @param checkpoint the entry's checkpoint: reading after it skips it
   * @param storedType the type name the entry is stored under
   * @param cause why it cannot be read, naming the aggregate and playhead where known
   * @return the exception
   */
  public static UnreadableLogEntryException at(
      Checkpoint checkpoint, String storedType, Throwable cause) {
    return new UnreadableLogEntryException(
        Objects.requireNonNull(checkpoint, "checkpoint"),
        Objects.requireNonNull(storedType, "storedType"),
        Objects.requireNonNull(cause, "cause"));
  }

  /** {@return the entry's checkpoint: reading after it skips the entry (null once serialized)} */
  public @Nullable Checkpoint checkpoint() {
    return checkpoint;
  }

  /** {@return the type name the entry is stored under} */
  public String storedType() {
    return storedType;
  }
}
