package dev.boulevard.eventstore;

import java.util.List;
import java.util.Objects;

/**
 * A batch of the global log read through a filter on aggregate ids: the events the filter took, and
 * how far the read went, past the entries it left out.
 *
 * @param events the events of the aggregates the filter took, in the log's order
 * @param readTo the checkpoint of the last entry the read went past, taken or not; the checkpoint
 *     the read started after if it found nothing
 * @param entries how many entries the read went past, taken or not: fewer than the limit when the
 *     reader has caught up
 */
public record FilteredBatch(List<LoggedMessage> events, Checkpoint readTo, int entries) {

  /** Copies the events and rejects nulls. */
  public FilteredBatch {
    events = List.copyOf(events);
    Objects.requireNonNull(readTo, "readTo");
  }

  /**
   * {@return a batch that left nothing out}
   *
   * @param batch what a plain read returned
   * @param after the checkpoint the read started after
   */
  public static FilteredBatch of(List<LoggedMessage> batch, Checkpoint after) {
    return new FilteredBatch(
        batch, batch.isEmpty() ? after : batch.get(batch.size() - 1).checkpoint(), batch.size());
  }
}
