package dev.boulevard.domain;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An immutable, ordered sequence of domain messages: what an aggregate recorded, or what a store
 * returned for one.
 *
 * @param messages the messages in order; copied, never null
 */
public record DomainEventStream(List<DomainMessage> messages) implements Iterable<DomainMessage> {

  private static final DomainEventStream EMPTY = new DomainEventStream(List.of());

  /** Copies the messages. */
  public DomainEventStream {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
  }

  /** {@return a stream with no messages} */
  public static DomainEventStream empty() {
    return EMPTY;
  }

  /** {@return a stream of the given messages, in order} */
  public static DomainEventStream of(DomainMessage... messages) {
    return new DomainEventStream(List.of(messages));
  }

  /** {@return a stream of the given messages, in order} */
  public static DomainEventStream of(List<DomainMessage> messages) {
    return new DomainEventStream(messages);
  }

  /** {@return the number of messages} */
  public int size() {
    return messages.size();
  }

  /** {@return whether there are no messages} */
  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** {@return the payloads of the messages, in order} */
  public List<Object> payloads() {
    return messages.stream().map(DomainMessage::payload).toList();
  }

  /** {@return a stream with every message replaced by what the function makes of it} */
  public DomainEventStream map(UnaryOperator<DomainMessage> function) {
    return new DomainEventStream(messages.stream().map(function).toList());
  }

  /** {@return the messages as a Java stream} */
  public Stream<DomainMessage> stream() {
    return messages.stream();
  }

  /** {@return an iterator over the messages, in order} */
  @Override
  public Iterator<DomainMessage> iterator() {
    return messages.iterator();
  }
}
