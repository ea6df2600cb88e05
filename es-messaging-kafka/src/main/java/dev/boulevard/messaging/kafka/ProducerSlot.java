package dev.boulevard.messaging.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Holds the one producer that a transport's sends share, made on first use and made again after a
 * failure discarded it: a producer whose idempotence state a timeout or a refused batch may have
 * broken is never used again. Thread-safe.
 */
final class ProducerSlot {

  private final Map<String, Object> config;
  private Producer<byte[], byte[]> current;
  private boolean closed;

  ProducerSlot(Map<String, Object> config) {
    this.config = Map.copyOf(config);
  }

  /** {@return the producer to send with, made now if there is none} */
  synchronized Producer<byte[], byte[]> current() {
    if (closed) {
      throw new IllegalStateException("The Kafka transport is closed");
    }
    if (current == null) {
      current = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
    return current;
  }

  /**
   * Closes the producer at once if it is still the current one, dropping whatever it has not sent
   * yet, so that nothing of a failed send reaches the broker behind a later one.
   */
  void discard(Producer<byte[], byte[]> producer) {
    synchronized (this) {
      if (current != producer) {
        return;
      }
      current = null;
    }
    producer.close(Duration.ZERO);
  }

  /** Closes the producer, waiting up to the timeout for what it still sends. */
  void close(Duration timeout) {
    Producer<byte[], byte[]> producer;
    synchronized (this) {
      closed = true;
      producer = current;
      current = null;
    }
    if (producer != null) {
      producer.close(timeout);
    }
  }
}
