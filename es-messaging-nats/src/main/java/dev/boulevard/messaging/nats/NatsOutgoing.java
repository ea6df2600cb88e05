package dev.boulevard.messaging.nats;

import io.nats.client.impl.Headers;

/** One envelope as {@link NatsTransport} publishes it. */
record NatsOutgoing(String subject, Headers headers, byte[] body) {}
