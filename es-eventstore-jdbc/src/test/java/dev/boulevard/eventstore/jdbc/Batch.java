package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractMessages;
import java.util.ArrayList;
import java.util.Map;

/**
 * One append a reliability test's writer tried: the events of one operation, each carrying in its
 * metadata the writer, the operation's number within the writer, the attempt, its index and the
 * operation's size, so that an audit can tell from the store alone what every stored event is.
 *
 * @param aggregateId the aggregate appended to
 * @param attempt the attempt that the store acknowledged, or the only one a fault test makes
 * @param firstPlayhead the playhead of the first event, as the writer chose it
 * @param size how many events the operation holds
 * @param acknowledged whether the append returned; if not, it threw
 * @param nanos how long the operation took, retries included
 */
record Batch(
    String aggregateId,
    int attempt,
    long firstPlayhead,
    int size,
    boolean acknowledged,
    long nanos) {

  static final String WRITER = "writer";
  static final String OPERATION = "operation";
  static final String ATTEMPT = "attempt";
  static final String INDEX = "index";
  static final String SIZE = "size";

  /** {@return the events of one attempt of an operation, at consecutive playheads} */
  static DomainEventStream events(
      int writer, int operation, int attempt, String aggregateId, long firstPlayhead, int size) {
    var messages = new ArrayList<DomainMessage>(size);
    for (int index = 0; index < size; index++) {
      Metadata metadata =
          Metadata.of(
              Map.of(
                  WRITER, Integer.toString(writer),
                  OPERATION, Integer.toString(operation),
                  ATTEMPT, Integer.toString(attempt),
                  INDEX, Integer.toString(index),
                  SIZE, Integer.toString(size)));
      long playhead = firstPlayhead + index;
      messages.add(
          ContractMessages.message(
              aggregateId, playhead, metadata, new Deposited(aggregateId, playhead + 1)));
    }
    return DomainEventStream.of(messages);
  }
}
