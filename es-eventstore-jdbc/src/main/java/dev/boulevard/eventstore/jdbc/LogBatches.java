package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Streams the log lazily, one batch in memory at a time, up to the head seen at the start. */
final class LogBatches implements Iterator<LoggedMessage> {

  private final Checkpoint end;
  private final Function<Checkpoint, List<LoggedMessage>> reader;
  private Checkpoint next;
  private Iterator<LoggedMessage> batch = List.<LoggedMessage>of().iterator();
  private boolean exhausted;

  private LogBatches(
      Checkpoint after, Checkpoint end, Function<Checkpoint, List<LoggedMessage>> reader) {
    this.next = after;
    this.end = end;
    this.reader = reader;
  }

  static Stream<LoggedMessage> stream(
      Checkpoint after, Checkpoint end, Function<Checkpoint, List<LoggedMessage>> reader) {
    var iterator = new LogBatches(after, end, reader);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public boolean hasNext() {
    while (!batch.hasNext()) {
      if (exhausted || !end.isAfter(next)) {
        return false;
      }
      List<LoggedMessage> read = reader.apply(next);
      List<LoggedMessage> upToEnd =
          read.stream().takeWhile(message -> !message.checkpoint().isAfter(end)).toList();
      exhausted = upToEnd.size() < read.size();
      if (upToEnd.isEmpty()) {
        exhausted = true;
        return false;
      }
      next = upToEnd.get(upToEnd.size() - 1).checkpoint();
      batch = upToEnd.iterator();
    }
    return true;
  }

  @Override
  public LoggedMessage next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return batch.next();
  }
}
