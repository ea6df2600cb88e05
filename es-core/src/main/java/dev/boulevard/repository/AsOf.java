package dev.boulevard.repository;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import java.util.Objects;

/**
 * A point in an aggregate's history to load it as of: a playhead, or an instant.
 *
 * <pre>{@code
 * Optional<Account> then = accounts.find("acc-1", AsOf.instant(Instant.parse("2026-01-31T00:00:00Z")));
 * Account third = accounts.load("acc-1", AsOf.playhead(2));
 * }</pre>
 */
public sealed interface AsOf {

  /**
   * {@return the point right after the event at the given playhead, inclusive}
   *
   * @param playhead the playhead of the last event to take into account, 0 or more
   * @throws IllegalArgumentException if the playhead is negative
   */
  static AsOf playhead(long playhead) {
    return new AtPlayhead(playhead);
  }

  /**
   * {@return the point at the given instant: events recorded at or before it count}
   *
   * @param instant the instant, compared with each event's {@link DomainMessage#recordedOn()}
   */
  static AsOf instant(java.time.Instant instant) {
    return new AtInstant(instant);
  }

  /**
   * {@return whether a stored event belongs to the aggregate's history as of this point}
   *
   * @param message the stored event
   */
  boolean includes(DomainMessage message);

  /**
   * Cuts a history, in playhead order, at this point: it keeps the events up to the first one this
   * point does not include, so that what remains is always a replayable prefix.
   *
   * @param history the aggregate's events, in playhead order
   * @return the events up to this point
   */
  default DomainEventStream cut(DomainEventStream history) {
    int end = 0;
    while (end < history.size() && includes(history.messages().get(end))) {
      end++;
    }
    return end == history.size()
        ? history
        : DomainEventStream.of(history.messages().subList(0, end));
  }

  /**
   * The point right after the event at a playhead.
   *
   * @param playhead the playhead of the last event to take into account, 0 or more
   */
  record AtPlayhead(long playhead) implements AsOf {

    /** Checks the playhead. */
    public AtPlayhead {
      if (playhead < 0) {
        throw new IllegalArgumentException(
            "An aggregate is loaded as of playhead 0 or more, not " + playhead);
      }
    }

    @Override
    public boolean includes(DomainMessage message) {
      return message.playhead() <= playhead;
    }

    /** {@return "playhead" and the playhead, for messages} */
    @Override
    public String toString() {
      return "playhead " + playhead;
    }
  }

  /**
   * The point at an instant: the events recorded at or before it, in playhead order, up to the
   * first one recorded after it.
   *
   * @param instant the instant
   */
  record AtInstant(java.time.Instant instant) implements AsOf {

    /** Checks the instant. */
    public AtInstant {
      Objects.requireNonNull(instant, "instant");
    }

    @Override
    public boolean includes(DomainMessage message) {
      return !message.recordedOn().isAfter(instant);
    }

    /** {@return the instant in ISO-8601, for messages} */
    @Override
    public String toString() {
      return instant.toString();
    }
  }
}
