/**
 * Events out to other services through a message broker, and back in: the {@link
 * dev.boulevard.messaging.Envelope} that is the wire format, {@link
 * dev.boulevard.messaging.Publication}s that tail the global log and publish through a {@link
 * dev.boulevard.messaging.MessageTransport}, and {@link dev.boulevard.messaging.InboundProjection}s
 * that apply what a broker delivers to read models exactly once.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.messaging;

import org.jspecify.annotations.NullMarked;
