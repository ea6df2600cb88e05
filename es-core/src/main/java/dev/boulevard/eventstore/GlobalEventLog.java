package dev.boulevard.eventstore;

import dev.boulevard.domain.DomainMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The store's events of every aggregate as one ordered log, for projections that tail it from a
 * checkpoint.
 *
 * <p>Reading is exact: a reader that resumes from the checkpoint of the last event it handled never
 * skips an event that commits later, never reads one twice, never waits on a hole left by an append
 * that rolled back, and needs no timeout to be sure of any of it. An event becomes readable once
 * every event before it in the log's order is readable too.
 */
public interface GlobalEventLog {

  /**
   * Reads a batch of the events that follow a checkpoint, in the log's order.
   *
   * @param after the checkpoint of the last event already handled, or {@link
   *     Checkpoint#beginning()}
   * @param limit the most events to return, 1 or more
   * @return up to {@code limit} events; empty when the reader has caught up
   * @throws UnreadableLogEntryException if the first entry after the checkpoint cannot be read
   *     back; a batch ends before an unreadable entry, so the readable ones before it are returned
   *     first
   */
  List<LoggedMessage> read(Checkpoint after, int limit);

  /**
   * Reads a batch as {@link #read(Checkpoint, int)} does, keeping only the events of the aggregates
   * a filter takes, such as one segment's of a split projection: a store may skip the other entries
   * without reading their payloads back, and an entry it skips cannot fail the read.
   *
   * @param after the checkpoint of the last entry already read
   * @param limit the most entries to go past, taken or not, 1 or more
   * @param aggregates which aggregate ids to keep
   * @return the events kept, and the checkpoint of the last entry the read went past
   * @throws UnreadableLogEntryException if the first entry the filter keeps cannot be read back
   */
  default FilteredBatch read(Checkpoint after, int limit, Predicate<String> aggregates) {
    List<LoggedMessage> batch = read(after, limit);
    return new FilteredBatch(
        batch.stream().filter(m -> aggregates.test(m.message().aggregateId())).toList(),
        batch.isEmpty() ? after : batch.get(batch.size() - 1).checkpoint(),
        batch.size());
  }

  /**
   * Streams every event that follows a checkpoint and is readable now, in the log's order, holding
   * only a bounded number of them in memory at a time.
   *
   * <p>The stream may hold a connection: close it, with try-with-resources.
   *
   * @param after the checkpoint of the last event already handled, or {@link
   *     Checkpoint#beginning()}
   * @return the events, lazily
   */
  Stream<LoggedMessage> stream(Checkpoint after);

  /** {@return the checkpoint of the last readable event, or the beginning if there is none} */
  Checkpoint head();

  /**
   * Finds the checkpoint of the event stored at a global position, so that a reader can tell
   * whether it has handled that event (its checkpoint is at or after the answer).
   *
   * @param position the event's global position, 1 or more
   * @return the event's checkpoint, or empty if no event at that position is readable yet
   * @throws IllegalArgumentException if the position is 0 or less
   */
  Optional<Checkpoint> checkpointAt(long position);

  /**
   * Waits until events that follow a checkpoint may be readable, so that tailing readers need not
   * poll hard.
   *
   * <p>A {@code true} answer is a hint to read, not a promise that a read finds something.
   *
   * @param after the checkpoint of the last event already handled
   * @param timeout how long to wait at most
   * @return whether new events may be readable; {@code false} if the timeout passed first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean awaitEventsAfter(Checkpoint after, Duration timeout) throws InterruptedException;

  /**
   * Names an event's type as this log stores it, so that reports such as a projection's park speak
   * the names operators see in the store rather than Java class names.
   *
   * @param message an event this log returned
   * @return its stored type name; the payload's class name unless the log keeps names of its own
   */
  default String storedTypeOf(DomainMessage message) {
    return message.payloadType().getName();
  }
}
