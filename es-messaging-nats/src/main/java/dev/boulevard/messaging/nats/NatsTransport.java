package dev.boulevard.messaging.nats;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.EnvelopeJson;
import dev.boulevard.messaging.MessageTransport;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link MessageTransport} that publishes to a NATS JetStream stream: each envelope to subject
 * {@code <prefix>.<type>.<aggregateId>} (tokens encoded by {@link NatsSubjects}), its body {@link
 * EnvelopeJson}, its headers those of {@link Envelope#headers} (a value with {@code %}, control or
 * non-ASCII characters percent-encoded, which {@link NatsSubjects#decode} reads back) and {@code
 * Nats-Msg-Id} the event id, so that the stream drops an envelope published again within its
 * duplicate window.
 *
 * <pre>{@code
 * MessageTransport transport =
 *     NatsTransport.builder(connection).stream("WALLET").subjectPrefix("wallet")
 *         .createStream(true).build();
 * }</pre>
 *
 * <p>{@link #send} publishes asynchronously but keeps at most one envelope of each aggregate in
 * flight, so that a connection lost mid-batch cannot store an aggregate's later event before an
 * earlier one that was lost with it. A publish that timed out may still land later from the
 * client's reconnect buffer; the publication sends it again, and the duplicate window drops
 * whichever copy comes second. The transport does not own the connection: {@link #close} leaves it
 * open. Thread-safe.
 */
public final class NatsTransport implements MessageTransport {

  /** The header JetStream deduplicates by. */
  static final String MSG_ID_HEADER = "Nats-Msg-Id";

  private final Connection connection;
  private final JetStream jetStream;
  private final String stream;
  private final String prefix;
  private final Duration ackTimeout;
  private final PublishOptions options;

  private NatsTransport(Builder builder, JetStream jetStream) {
    this.connection = builder.connection;
    this.jetStream = jetStream;
    this.stream = builder.stream;
    this.prefix = builder.prefix;
    this.ackTimeout = builder.ackTimeout;
    this.options = PublishOptions.builder().expectedStream(builder.stream).build();
  }

  /**
   * Starts the definition of a transport.
   *
   * @param connection the connection to publish through, which the transport does not close
   * @return the builder
   */
  public static Builder builder(Connection connection) {
    return new Builder(Objects.requireNonNull(connection, "connection"));
  }

  /** {@return the stream it publishes to} */
  public String stream() {
    return stream;
  }

  /** {@return the subject prefix of its messages} */
  public String subjectPrefix() {
    return prefix;
  }

  /**
   * Publishes the envelopes and waits for the stream's acknowledgement of each.
   *
   * @param envelopes envelopes in the global log's order
   * @return how many the stream acknowledged, and how many of those it had already stored
   * @throws dev.boulevard.messaging.RefusedMessageException at the first envelope the server
   *     refuses for good (larger than its {@code max_payload}, an empty type name or aggregate id,
   *     or the stream's message size limit): every envelope before it was acknowledged, and none of
   *     its aggregate after it was published
   * @throws RuntimeException naming the servers and stream if an acknowledgement did not come in
   *     time or the server could not be reached
   */
  @Override
  public Acknowledged send(List<Envelope> envelopes) {
    return new PublishRun(this, envelopes).run();
  }

  /** Does nothing: the connection belongs to whoever built the transport. */
  @Override
  public void close() {}

  CompletableFuture<PublishAck> publish(NatsOutgoing message) {
    return jetStream.publishAsync(message.subject(), message.headers(), message.body(), options);
  }

  /** Turns an envelope into what is published, or fails with why it cannot be. */
  NatsOutgoing outgoing(Envelope envelope) {
    Headers headers = new Headers();
    envelope.headers().forEach((name, value) -> headers.put(name, NatsSubjects.headerValue(value)));
    headers.put(MSG_ID_HEADER, envelope.eventId().toString());
    byte[] body = EnvelopeJson.write(envelope);
    String subject = NatsSubjects.subject(prefix, envelope.type(), envelope.aggregateId());
    long size = (long) headers.serializedLength() + body.length;
    long limit = connection.getMaxPayload();
    if (limit > 0 && size > limit) {
      throw new IllegalArgumentException(
          "the message of "
              + size
              + " bytes (headers and body) is larger than the server's max_payload of "
              + limit
              + " bytes");
    }
    return new NatsOutgoing(subject, headers, body);
  }

  Duration ackTimeout() {
    return ackTimeout;
  }

  /** {@return "NATS servers ..., stream ..." for messages} */
  String where() {
    return "NATS " + servers(connection) + ", stream " + stream;
  }

  static String servers(Connection connection) {
    String url = connection.getConnectedUrl();
    return url != null ? url : String.valueOf(connection.getServers());
  }

  /** Collects a transport's stream, subject prefix and timeouts. */
  public static final class Builder {

    private final Connection connection;
    private String stream;
    private String prefix;
    private boolean createStream;
    private Duration duplicateWindow; // null: an existing stream keeps its own
    private Duration ackTimeout = Duration.ofSeconds(30);

    private Builder(Connection connection) {
      this.connection = connection;
    }

    /**
     * Sets the JetStream stream it publishes to; publishes to a subject another stream takes fail.
     *
     * @param stream the stream's name
     * @return this builder
     * @throws IllegalArgumentException if the name is empty or has {@code .}, {@code *}, {@code >}
     *     or whitespace
     */
    public Builder stream(String stream) {
      Objects.requireNonNull(stream, "stream");
      if (stream.isEmpty()
          || stream.chars().anyMatch(c -> c == '.' || c == '*' || c == '>')
          || stream.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("'" + stream + "' is not a valid JetStream stream name");
      }
      this.stream = stream;
      return this;
    }

    /**
     * Sets the subject prefix: subjects are {@code <prefix>.<type>.<aggregateId>}.
     *
     * @param prefix dot-separated tokens, such as {@code wallet} or {@code acme.wallet}
     * @return this builder
     * @throws IllegalArgumentException if it is not a valid literal subject
     */
    public Builder subjectPrefix(String prefix) {
      this.prefix = NatsSubjects.checkPrefix(prefix);
      return this;
    }

    /**
     * Has {@link #build} create the stream with subjects {@code <prefix>.>}, file storage and the
     * {@link #duplicateWindow}, or add the subjects to a stream that exists (whose duplicate window
     * changes only if one was set here); not unless set, and then the stream must exist.
     *
     * @param create whether to create or update the stream
     * @return this builder
     */
    public Builder createStream(boolean create) {
      this.createStream = create;
      return this;
    }

    /**
     * Sets the duplicate window of the stream {@link #createStream} creates or updates: how long it
     * remembers message ids.
     *
     * @param window 1 ms or more; unless set, a created stream gets 2 minutes and one that exists
     *     keeps its own
     * @return this builder
     * @throws IllegalArgumentException if it is shorter
     */
    public Builder duplicateWindow(Duration window) {
      this.duplicateWindow = positive(window, "duplicate window");
      return this;
    }

    /**
     * Sets how long {@link #send} waits for a round of acknowledgements before it fails; the
     * connection's request cleanup interval (5 s by default) also ends the wait for each.
     *
     * @param timeout 1 ms or more; 30 s unless set
     * @return this builder
     * @throws IllegalArgumentException if it is shorter
     */
    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = positive(timeout, "ack timeout");
      return this;
    }

    /**
     * Finishes the transport, creating or updating the stream if asked to.
     *
     * @return the transport
     * @throws IllegalStateException if the stream or subject prefix is not set, or the stream could
     *     not be created
     * @throws UncheckedIOException if the connection has no JetStream
     */
    public NatsTransport build() {
      if (stream == null || prefix == null) {
        throw new IllegalStateException("A NATS transport needs a stream and a subject prefix");
      }
      if (createStream) {
        NatsStreams.createOrUpdate(connection, stream, prefix, duplicateWindow);
      }
      try {
        return new NatsTransport(this, connection.jetStream());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "No JetStream at NATS " + servers(connection) + ": " + e.getMessage(), e);
      }
    }

    private static Duration positive(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.toMillis() < 1) {
        throw new IllegalArgumentException("A " + what + " is 1 ms or more, not " + duration);
      }
      return duration;
    }
  }
}
