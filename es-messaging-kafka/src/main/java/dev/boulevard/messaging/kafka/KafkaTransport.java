package dev.boulevard.messaging.kafka;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.EnvelopeJson;
import dev.boulevard.messaging.MessageTransport;
import dev.boulevard.messaging.RefusedMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes envelopes to Kafka through an idempotent producer ({@code enable.idempotence=true},
 * {@code acks=all}, one request in flight unless set otherwise), keyed by aggregate id so that each
 * aggregate's events land in one partition in their order; the body is the envelope's JSON ({@link
 * EnvelopeJson}) and the headers are {@link Envelope#headers()}, the event id among them.
 *
 * <pre>{@code
 * MessageTransport kafka = KafkaTransport.builder("broker-1:9092").topic("wallet-events").build();
 * }</pre>
 *
 * <p>{@link #send} hands every envelope to the producer and waits for each acknowledgement. An
 * envelope the client or broker refuses for good (too large, an invalid topic) is reported as a
 * {@link RefusedMessageException} by its index, and nothing after it is handed to the producer. Any
 * other failure, and a send not acknowledged within the send timeout, throws a {@link
 * KafkaUnavailableException} and discards the producer, dropping what it had not sent, so that the
 * next send starts a fresh producer session. Kafka cannot tell a republished envelope from a new
 * one, so {@link Acknowledged#duplicates()} is always 0: the consumer's {@code InboundProjection}
 * drops them. Thread-safe.
 */
public final class KafkaTransport implements MessageTransport {

  private final String servers;
  private final Function<Envelope, String> topics;
  private final Duration sendTimeout;
  private final ProducerSlot producers;

  private KafkaTransport(Builder builder, Map<String, Object> config) {
    this.servers = builder.servers;
    this.topics = builder.topics;
    this.sendTimeout = builder.sendTimeout;
    this.producers = new ProducerSlot(config);
  }

  /**
   * Starts the definition of a transport.
   *
   * @param bootstrapServers the brokers to connect to, as Kafka's {@code bootstrap.servers}
   * @return the builder
   */
  public static Builder builder(String bootstrapServers) {
    return new Builder(Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
  }

  /**
   * Sends envelopes in their order and waits until Kafka acknowledged each of them.
   *
   * @param envelopes envelopes in the global log's order
   * @return all of them acknowledged, with no duplicates counted
   * @throws RefusedMessageException if the client or broker refused one envelope for good: those
   *     before it were acknowledged, none after it was sent
   * @throws KafkaUnavailableException if Kafka could not be reached or did not acknowledge in time
   */
  @Override
  public Acknowledged send(List<Envelope> envelopes) {
    Producer<byte[], byte[]> producer = producers.current();
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    List<Future<RecordMetadata>> acks = new ArrayList<>(envelopes.size());
    List<String> names = new ArrayList<>(envelopes.size());
    RuntimeException stopped = null;
    for (int i = 0; i < envelopes.size() && stopped == null; i++) {
      Envelope envelope = envelopes.get(i);
      try {
        String topic = topics.apply(envelope);
        names.add(topic);
        Future<RecordMetadata> ack = producer.send(record(topic, envelope));
        Throwable early = ack.isDone() ? failure(ack) : null;
        if (early != null) {
          stopped = classify(i, envelope, topic, early);
        } else {
          acks.add(ack);
        }
      } catch (RuntimeException e) {
        stopped = classify(i, envelope, names.size() > i ? names.get(i) : "?", e);
      }
    }
    await(producer, acks, envelopes, names, deadline);
    if (stopped != null) {
      if (!(stopped instanceof RefusedMessageException)) {
        producers.discard(producer);
      }
      throw stopped;
    }
    return new Acknowledged(envelopes.size(), 0);
  }

  /** Waits for the acknowledgements, in order; throws at the first failure or at the deadline. */
  private void await(
      Producer<byte[], byte[]> producer,
      List<Future<RecordMetadata>> acks,
      List<Envelope> envelopes,
      List<String> names,
      long deadline) {
    for (int i = 0; i < acks.size(); i++) {
      try {
        acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        producers.discard(producer); // drops what is queued behind it
        throw classify(i, envelopes.get(i), names.get(i), e.getCause());
      } catch (TimeoutException e) {
        producers.discard(producer);
        throw KafkaUnavailableException.timedOut(
            servers, names.get(i), acks.size() - i, sendTimeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        producers.discard(producer);
        throw KafkaUnavailableException.failed(servers, names.get(i), i, e);
      }
    }
  }

  private RuntimeException classify(int index, Envelope envelope, String topic, Throwable cause) {
    if (cause instanceof RecordTooLargeException
        || cause instanceof RecordBatchTooLargeException
        || cause instanceof InvalidTopicException) {
      return new RefusedMessageException(
          index,
          "Kafka refused event "
              + envelope.eventId()
              + " of aggregate "
              + envelope.aggregateId()
              + " at playhead "
              + envelope.playhead()
              + " for topic "
              + topic
              + ": "
              + cause.getMessage(),
          cause);
    }
    return KafkaUnavailableException.failed(servers, topic, index, cause);
  }

  private static Throwable failure(Future<RecordMetadata> ack) {
    try {
      ack.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, Envelope envelope) {
    var headers = new RecordHeaders();
    envelope.headers().forEach((name, value) -> headers.add(name, utf8(value)));
    return new ProducerRecord<>(
        topic, null, utf8(envelope.aggregateId()), EnvelopeJson.write(envelope), headers);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Closes the producer, waiting up to the send timeout for what it still has to send. */
  @Override
  public void close() {
    producers.close(sendTimeout);
  }

  /** Collects a transport's brokers, topic and producer settings. */
  public static final class Builder {

    private final String servers;
    private final Map<String, String> properties = new HashMap<>();
    private Function<Envelope, String> topics;
    private Duration sendTimeout = Duration.ofSeconds(30);

    private Builder(String servers) {
      this.servers = servers;
    }

    /**
     * Sends every envelope to one topic.
     *
     * @param topic the topic's name
     * @return this builder
     */
    public Builder topic(String topic) {
      Objects.requireNonNull(topic, "topic");
      this.topics = envelope -> topic;
      return this;
    }

    /**
     * Picks each envelope's topic, by its type say; it must pick the same topic for all events of
     * an aggregate, or their order across topics is lost.
     *
     * @param topic the function that names an envelope's topic
     * @return this builder
     */
    public Builder topic(Function<Envelope, String> topic) {
      this.topics = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /**
     * Sets an extra producer setting, such as {@code compression.type} or security settings; it
     * overrides this transport's defaults, except those its guarantees rest on.
     *
     * @param name the setting's name, as in Kafka's producer configuration
     * @param value its value
     * @return this builder
     */
    public Builder property(String name, String value) {
      properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets how long a send waits for Kafka's acknowledgements, and for the topic's metadata, before
     * it fails with a {@link KafkaUnavailableException}.
     *
     * @param timeout 30 s unless set
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder sendTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("A send timeout is positive, not " + timeout);
      }
      this.sendTimeout = timeout;
      return this;
    }

    /**
     * Finishes the transport; the producer is made on the first send.
     *
     * @return the transport
     * @throws IllegalStateException if no topic is set
     * @throws IllegalArgumentException if a property would void the guarantees
     */
    public KafkaTransport build() {
      if (topics == null) {
        throw new IllegalStateException("A Kafka transport to " + servers + " needs a topic");
      }
      return new KafkaTransport(this, ProducerSettings.of(servers, sendTimeout, properties));
    }
  }
}
