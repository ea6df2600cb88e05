package dev.boulevard.messaging;

import java.util.Objects;

/**
 * A message as a broker delivered it to an {@link InboundProjection}.
 *
 * @param offset its place in its source, increasing: a Kafka offset, a NATS stream sequence
 * @param body its body, an envelope in JSON ({@link EnvelopeJson})
 */
public record InboundMessage(long offset, byte[] body) {

  /** Checks the parts; the body is not copied. */
  public InboundMessage {
    Objects.requireNonNull(body, "body");
    if (offset < 0) {
      throw new IllegalArgumentException("A message's offset is 0 or more, not " + offset);
    }
  }
}
