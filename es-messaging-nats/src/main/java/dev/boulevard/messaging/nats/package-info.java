/**
 * The NATS JetStream transport of es-messaging: {@link dev.boulevard.messaging.nats.NatsTransport}
 * publishes a {@link dev.boulevard.messaging.Publication}'s envelopes to a stream with the event id
 * as {@code Nats-Msg-Id}, and {@link dev.boulevard.messaging.nats.NatsInbound} feeds an {@link
 * dev.boulevard.messaging.InboundProjection} from a durable pull consumer.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.messaging.nats;

import org.jspecify.annotations.NullMarked;
