package dev.boulevard.messaging.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer configuration of a {@link KafkaTransport}: its defaults and the user's settings. */
final class ProducerSettings {

  private ProducerSettings() {}

  /**
   * Builds the configuration.
   *
   * @throws IllegalArgumentException if a user setting turns off idempotence, weakens {@code acks}
   *     or allows more than one request in flight
   */
  static Map<String, Object> of(String servers, Duration sendTimeout, Map<String, String> user) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // One request in flight: with more, a first batch to a partition that fails with a retriable
    // error can be overtaken by the next one, which the broker takes (it checks no sequence for a
    // producer it has no state of), and the first then fails for good with an out-of-order
    // sequence (KAFKA-14359; seen here on a new topic): a gap in an aggregate's order that the
    // consumer's playhead check would turn into lost events.
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    // The transport's own deadline gives up first and discards the producer, so that the producer
    // never expires a batch by itself and then sends later batches of the same partition.
    long timeout = sendTimeout.toMillis();
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Long.toString(Math.min(Integer.MAX_VALUE, Math.max(120_000L, 2 * timeout + 60_000L))));
    config.putAll(user);
    check(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    check(config, ProducerConfig.ACKS_CONFIG, "all");
    String inFlight =
        config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION).toString().trim();
    if (!inFlight.equals("1")) {
      throw new IllegalArgumentException(
          "A Kafka transport keeps each aggregate's order with one request in flight (KAFKA-14359"
              + " lets a later one overtake a failed first batch), not "
              + inFlight);
    }
    return config;
  }

  private static void check(Map<String, Object> config, String name, String required) {
    String value = config.get(name).toString().trim();
    boolean same =
        value.equalsIgnoreCase(required) || (required.equals("all") && value.equals("-1"));
    if (!same) {
      throw new IllegalArgumentException(
          "A Kafka transport needs " + name + "=" + required + " for its guarantees, not " + value);
    }
  }
}
