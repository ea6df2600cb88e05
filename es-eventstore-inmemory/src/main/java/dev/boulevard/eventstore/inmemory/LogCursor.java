package dev.boulevard.eventstore.inmemory;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks a log whose checkpoints are positions up to a fixed end, reading a batch at a time.
 *
 * <p>Not thread-safe: one reader uses it.
 */
final class LogCursor implements Iterator<LoggedMessage> {

  private static final int BATCH_SIZE = 256;

  private final GlobalEventLog log;
  private final long end;
  private long position;
  private Iterator<LoggedMessage> batch = Collections.emptyIterator();

  /**
   * Creates a cursor over the events at positions after the first and up to the second.
   *
   * @param log the log to read
   * @param after the position of the last event not to return
   * @param end the position of the last event to return
   */
  LogCursor(GlobalEventLog log, long after, long end) {
    this.log = log;
    this.position = after;
    this.end = end;
  }

  @Override
  public boolean hasNext() {
    if (!batch.hasNext() && position < end) {
      int limit = (int) Math.min(BATCH_SIZE, end - position);
      batch = log.read(Checkpoint.atPosition(position), limit).iterator();
    }
    return batch.hasNext();
  }

  @Override
  public LoggedMessage next() {
    if (!hasNext()) {
      throw new NoSuchElementException("The log has no more events up to position " + end);
    }
    var next = batch.next();
    position = next.position();
    return next;
  }
}
