package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.LoggedMessage;
import java.util.List;

/**
 * The stored rows of a batch: the pieces of one stored event that an upcaster split share one
 * checkpoint, which cannot fall between them, so a batch is retried or delivered again row by row.
 */
final class Rows {

  private Rows() {}

  /** {@return the index of the first event of the batch that shares the checkpoint of event i} */
  static int start(List<LoggedMessage> batch, int i) {
    int start = i;
    while (start > 0 && batch.get(start - 1).checkpoint().equals(batch.get(i).checkpoint())) {
      start--;
    }
    return start;
  }

  /** {@return the index after the last event of the batch that shares the checkpoint of event i} */
  static int end(List<LoggedMessage> batch, int i) {
    int end = i + 1;
    while (end < batch.size() && batch.get(end).checkpoint().equals(batch.get(i).checkpoint())) {
      end++;
    }
    return end;
  }
}
