package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds the messages the event handling tests publish. */
final class Messages {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:15:30Z"), ZoneOffset.UTC);

  private Messages() {}

  /** {@return a stream of one message per payload, of aggregate "a", from playhead 0} */
  static DomainEventStream streamOf(Object... payloads) {
    var messages = new DomainMessage[payloads.length];
    for (int i = 0; i < payloads.length; i++) {
      messages[i] = message(i, payloads[i]);
    }
    return DomainEventStream.of(messages);
  }

  /** {@return a message of aggregate "a"} */
  static DomainMessage message(long playhead, Object payload) {
    return DomainMessage.recordNow("a", playhead, Metadata.empty(), payload, CLOCK);
  }
}
