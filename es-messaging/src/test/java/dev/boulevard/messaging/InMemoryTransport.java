package dev.boulevard.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A broker in a list, for the publication tests: it keeps the envelopes' JSON, drops an event id it
 * has when told to, refuses what a predicate says, and fails while told to.
 */
final class InMemoryTransport implements MessageTransport {

  final List<byte[]> bodies = new ArrayList<>();
  private final Set<UUID> ids = new HashSet<>();
  volatile boolean deduplicates;
  volatile int failuresLeft;
  volatile Predicate<Envelope> refuses = e -> false;

  @Override
  public synchronized Acknowledged send(List<Envelope> envelopes) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("broker out of reach");
    }
    int duplicates = 0;
    for (int i = 0; i < envelopes.size(); i++) {
      Envelope envelope = envelopes.get(i);
      if (refuses.test(envelope)) {
        throw new RefusedMessageException(i, "message too large", null);
      }
      if (!ids.add(envelope.eventId()) && deduplicates) {
        duplicates++;
        continue;
      }
      bodies.add(EnvelopeJson.write(envelope));
    }
    return new Acknowledged(envelopes.size(), duplicates);
  }

  synchronized List<InboundMessage> messages() {
    List<InboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      messages.add(new InboundMessage(i, bodies.get(i)));
    }
    return messages;
  }

  synchronized List<Envelope> envelopes() {
    return bodies.stream().map(EnvelopeJson::read).toList();
  }

  @Override
  public void close() {}
}
