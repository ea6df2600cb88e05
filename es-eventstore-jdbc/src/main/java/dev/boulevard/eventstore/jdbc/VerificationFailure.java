package dev.boulevard.eventstore.jdbc;

import java.util.Objects;

/**
 * One stored row that cannot be read, or one aggregate that cannot be replayed, as the {@link
 * HistoryVerifier} found it.
 *
 * @param kind whether an event could not be read or an aggregate could not be replayed
 * @param position the global position of the row concerned
 * @param aggregateId the aggregate
 * @param playhead the row's playhead
 * @param type the row's stored type name
 * @param version the row's stored version
 * @param error what went wrong
 */
public record VerificationFailure(
    Kind kind,
    long position,
    String aggregateId,
    long playhead,
    String type,
    int version,
    String error) {

  /** What failed. */
  public enum Kind {
    /** The row cannot be read through the current serializer and upcasters. */
    EVENT,
    /** The aggregate cannot be replayed up to and including the row. */
    AGGREGATE
  }

  /** Rejects nulls. */
  public VerificationFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(error, "error");
  }

  /** {@return one line for a person: what failed, where, and why} */
  public String describe() {
    return (kind == Kind.EVENT ? "Unreadable event" : "Aggregate not replayable")
        + " at position "
        + position
        + ": aggregate '"
        + aggregateId
        + "', playhead "
        + playhead
        + ", type '"
        + type
        + "' version "
        + version
        + ": "
        + error;
  }
}
