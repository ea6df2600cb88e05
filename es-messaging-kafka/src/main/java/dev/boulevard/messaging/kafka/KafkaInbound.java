package dev.boulevard.messaging.kafka;

import dev.boulevard.messaging.InboundProjection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Feeds an {@link InboundProjection} from a Kafka topic, on a daemon thread of its own: each poll's
 * records of a partition go to one {@link InboundProjection#apply} call, under the source name
 * {@code topic/partition}.
 *
 * <pre>{@code
 * KafkaInbound in = KafkaInbound.builder("broker-1:9092", "wallet-events", "loyalty", loyalty).build();
 * in.start();
 * }</pre>
 *
 * <p>The offsets that count are the inbound projection's, stored with its read models in one
 * transaction: when a partition is assigned, the consumer seeks to the offset after the stored one
 * (or to the beginning), so each event is applied once whatever Kafka's committed offsets say.
 * Those are committed too after each applied batch, for monitoring only, and never read. A batch
 * that fails is logged (naming the partition and offset), and after a pause that grows with each
 * failure the partition is read again from the stored offset: nothing is ever skipped, so a message
 * that can never be applied stops its partition until the cause is fixed. Thread-safe.
 */
public final class KafkaInbound implements AutoCloseable {

  private final InboundLoop loop;
  private final Thread thread;

  private KafkaInbound(Builder builder) {
    this.loop =
        new InboundLoop(builder.topic, builder.inbound, builder.config(), builder.pollTimeout);
    this.thread = new Thread(loop, "kafka-inbound-" + builder.inbound.name() + "-" + builder.topic);
    this.thread.setDaemon(true);
  }

  /**
   * Starts the definition of a consumer adapter.
   *
   * @param bootstrapServers the brokers to connect to, as Kafka's {@code bootstrap.servers}
   * @param topic the topic to read
   * @param groupId the consumer group, among whose members the topic's partitions are shared
   * @param inbound the inbound projection to feed
   * @return the builder
   */
  public static Builder builder(
      String bootstrapServers, String topic, String groupId, InboundProjection inbound) {
    return new Builder(bootstrapServers, topic, groupId, inbound);
  }

  /**
   * Starts reading on its own thread.
   *
   * @throws IllegalThreadStateException if it was started before
   */
  public void start() {
    thread.start();
  }

  /** {@return how many events it handed to the projector since it started} */
  public long applied() {
    return loop.applied.sum();
  }

  /**
   * {@return how many events it passed over as published twice (at or before their aggregate's
   * stored playhead)}
   */
  public long duplicates() {
    return loop.duplicates.sum();
  }

  /** {@return how many messages it passed over as delivered again (at or before the offset)} */
  public long redelivered() {
    return loop.redelivered.sum();
  }

  /** {@return how many batches failed and were read again} */
  public long failures() {
    return loop.failures.sum();
  }

  /** {@return the last failure, naming the partition and offset, if any since the start} */
  public Optional<String> lastError() {
    return Optional.ofNullable(loop.lastError);
  }

  /**
   * Stops reading and waits for the thread to end, up to 30 s; a batch being applied is finished or
   * rolled back first.
   *
   * @throws IllegalStateException if the thread does not end within 30 s
   */
  @Override
  public void close() {
    loop.stop();
    if (thread.isAlive() && Thread.currentThread() != thread) {
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        throw new IllegalStateException(
            "Kafka inbound " + thread.getName() + " did not stop within 30 s; its thread runs on");
      }
    }
  }

  /** Collects a consumer adapter's settings. */
  public static final class Builder {

    private final String servers;
    private final String topic;
    private final String groupId;
    private final InboundProjection inbound;
    private final Map<String, String> properties = new HashMap<>();
    private Duration pollTimeout = Duration.ofMillis(500);

    private Builder(String servers, String topic, String groupId, InboundProjection inbound) {
      this.servers = Objects.requireNonNull(servers, "bootstrapServers");
      this.topic = Objects.requireNonNull(topic, "topic");
      this.groupId = Objects.requireNonNull(groupId, "groupId");
      this.inbound = Objects.requireNonNull(inbound, "inbound");
    }

    /**
     * Sets an extra consumer setting, such as {@code max.poll.records} or security settings; it
     * overrides the defaults, except that auto-commit stays off.
     *
     * @param name the setting's name, as in Kafka's consumer configuration
     * @param value its value
     * @return this builder
     */
    public Builder property(String name, String value) {
      properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets how long one poll waits for records; also how soon {@link #close} is noticed at worst.
     *
     * @param timeout 500 ms unless set
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder pollTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("A poll timeout is positive, not " + timeout);
      }
      this.pollTimeout = timeout;
      return this;
    }

    /**
     * Finishes the adapter; it connects when started.
     *
     * @return the adapter
     */
    public KafkaInbound build() {
      return new KafkaInbound(this);
    }

    private Map<String, Object> config() {
      Map<String, Object> config = new HashMap<>();
      config.put("bootstrap.servers", servers);
      config.put("group.id", groupId);
      // Never jump by itself: a stored offset that retention has deleted is a failure to see, not
      // a reason to skip to what is left (a partition with no stored offset is sought to its
      // start).
      config.put("auto.offset.reset", "none");
      config.putAll(properties);
      config.put("enable.auto.commit", "false");
      return config;
    }
  }
}
