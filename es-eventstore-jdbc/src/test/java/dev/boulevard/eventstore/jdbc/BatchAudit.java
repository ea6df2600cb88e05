package dev.boulevard.eventstore.jdbc;

import dev.boulevard.domain.DomainMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks stored events, one at a time and in any order of aggregates, against the batches the
 * writers tried: each aggregate's playheads run 0, 1, 2... with no gap or repeat, and each event is
 * one of a batch, at its own playhead, seen once. Holds a few bytes per batch, not the events.
 */
final class BatchAudit {

  /**
   * What an audit found.
   *
   * @param events the events checked
   * @param lost events of acknowledged batches that were not found
   * @param duplicated events found more than once, or behind their aggregate's last playhead
   * @param phantom events of no batch the store acknowledged or failed, or of a conflicted attempt
   * @param misplaced events at another playhead than their batch chose
   * @param gaps playheads skipped in an aggregate's sequence
   * @param partial batches found in part only
   * @param failedButStored batches whose append threw, found whole
   */
  record Tally(
      long events,
      long lost,
      long duplicated,
      long phantom,
      long misplaced,
      long gaps,
      long partial,
      long failedButStored) {}

  private final List<List<Batch>> batches;
  private final byte[][] seen;
  private final Map<String, long[]> streams = new HashMap<>();
  private long events;
  private long duplicated;
  private long phantom;
  private long misplaced;
  private long gaps;

  /** Audits against the batches of each writer, indexed by writer and operation number. */
  BatchAudit(List<List<Batch>> batches) {
    this.batches = batches;
    this.seen = new byte[batches.size()][];
    for (int writer = 0; writer < batches.size(); writer++) {
      seen[writer] = new byte[batches.get(writer).size()];
    }
  }

  /** Checks one event. */
  void accept(DomainMessage message) {
    events++;
    checkSequence(message);
    int writer = number(message, Batch.WRITER);
    int operation = number(message, Batch.OPERATION);
    if (writer < 0 || writer >= batches.size() || operation < 0) {
      phantom++;
      return;
    }
    List<Batch> own = batches.get(writer);
    Batch batch = operation < own.size() ? own.get(operation) : null;
    int index = number(message, Batch.INDEX);
    if (batch == null
        || !batch.aggregateId().equals(message.aggregateId())
        || batch.attempt() != number(message, Batch.ATTEMPT)
        || batch.size() != number(message, Batch.SIZE)
        || index < 0
        || index >= batch.size()) {
      phantom++;
      return;
    }
    if ((seen[writer][operation] & (1 << index)) != 0) {
      duplicated++;
      return;
    }
    seen[writer][operation] |= (byte) (1 << index);
    if (message.playhead() != batch.firstPlayhead() + index) {
      misplaced++;
    }
  }

  private void checkSequence(DomainMessage message) {
    long[] stream = streams.computeIfAbsent(message.aggregateId(), id -> new long[2]);
    long next = stream[0];
    if (message.playhead() < next) {
      duplicated++;
      return;
    }
    if (message.playhead() > next) {
      gaps += message.playhead() - next;
    }
    stream[0] = message.playhead() + 1;
    stream[1] +=
        mix(
            message.eventId().getMostSignificantBits()
                ^ mix(message.eventId().getLeastSignificantBits()));
  }

  /** {@return the number of events seen per aggregate and a digest of their ids, to compare} */
  Map<String, List<Long>> streams() {
    var summary = new HashMap<String, List<Long>>();
    streams.forEach((id, stream) -> summary.put(id, List.of(stream[0], stream[1])));
    return summary;
  }

  /** {@return the findings, once every event has been checked} */
  Tally tally() {
    long lost = 0;
    long partial = 0;
    long failedButStored = 0;
    for (int writer = 0; writer < batches.size(); writer++) {
      List<Batch> own = batches.get(writer);
      for (int operation = 0; operation < own.size(); operation++) {
        Batch batch = own.get(operation);
        int found = Integer.bitCount(seen[writer][operation] & 0xff);
        if (found > 0 && found < batch.size()) {
          partial++;
        }
        if (batch.acknowledged()) {
          lost += batch.size() - found;
        } else if (found == batch.size()) {
          failedButStored++;
        }
      }
    }
    return new Tally(events, lost, duplicated, phantom, misplaced, gaps, partial, failedButStored);
  }

  private static int number(DomainMessage message, String key) {
    try {
      return message.metadata().get(key).map(Integer::parseInt).orElse(-1);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long mix(long value) {
    long mixed = value * 0x9E3779B97F4A7C15L;
    return mixed ^ (mixed >>> 31);
  }
}
