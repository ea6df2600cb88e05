package dev.boulevard.messaging.kafka;

import dev.boulevard.messaging.InboundMessage;
import dev.boulevard.messaging.InboundProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of a {@link KafkaInbound}. A partition is read only once it is positioned at the
 * offset after the one its inbound projection stored; until then, and for a pause after a failed
 * batch, it is paused. Only its own thread touches the consumer, except {@link #stop}.
 */
final class InboundLoop implements Runnable, ConsumerRebalanceListener {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaInbound.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  final LongAdder applied = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder redelivered = new LongAdder();
  final LongAdder failures = new LongAdder();
  volatile String lastError;

  private final String topic;
  private final InboundProjection inbound;
  private final Map<String, Object> config;
  private final Duration pollTimeout;
  private final Set<TopicPartition> unpositioned = new HashSet<>();
  private volatile boolean running = true;
  private volatile Consumer<byte[], byte[]> consumer;
  private Duration pause = FIRST_PAUSE;
  private long retryAt;

  InboundLoop(
      String topic, InboundProjection inbound, Map<String, Object> config, Duration pollTimeout) {
    this.topic = topic;
    this.inbound = inbound;
    this.config = Map.copyOf(config);
    this.pollTimeout = pollTimeout;
  }

  @Override
  public void run() {
    try (Consumer<byte[], byte[]> kafka =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = kafka;
      kafka.subscribe(List.of(topic), this);
      while (running) {
        try {
          position();
          handle(kafka.poll(pollTimeout));
        } catch (WakeupException e) {
          // stop() woke it up
        } catch (RuntimeException e) {
          failed("Kafka inbound of topic " + topic + " failed to poll: " + e, e);
          sleep();
        }
      }
    } catch (RuntimeException e) {
      lastError = "Kafka inbound of topic " + topic + " stopped: " + e;
      LOG.error(lastError, e);
    }
  }

  void stop() {
    running = false;
    Consumer<byte[], byte[]> kafka = consumer;
    if (kafka != null) {
      kafka.wakeup();
    }
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    unpositioned.addAll(partitions);
    consumer.pause(partitions);
    position();
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    unpositioned.removeAll(partitions);
  }

  /** Seeks each unpositioned partition to the offset after the stored one, and resumes it. */
  private void position() {
    if (unpositioned.isEmpty() || System.nanoTime() < retryAt) {
      return;
    }
    for (TopicPartition partition : List.copyOf(unpositioned)) {
      OptionalLong stored;
      try {
        stored = inbound.lastOffset(source(partition));
      } catch (RuntimeException e) {
        failed("Kafka inbound cannot read the stored offset of " + source(partition) + ": " + e, e);
        return;
      }
      if (stored.isPresent()) {
        consumer.seek(partition, stored.getAsLong() + 1);
      } else {
        consumer.seekToBeginning(List.of(partition));
      }
      unpositioned.remove(partition);
      consumer.resume(List.of(partition));
    }
  }

  private void handle(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      if (unpositioned.contains(partition)) {
        continue; // failed earlier in this poll's work, or not yet positioned
      }
      List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
      List<InboundMessage> messages = new ArrayList<>(batch.size());
      for (ConsumerRecord<byte[], byte[]> record : batch) {
        byte[] body = record.value() == null ? new byte[0] : record.value();
        messages.add(new InboundMessage(record.offset(), body));
      }
      apply(partition, messages);
    }
  }

  private void apply(TopicPartition partition, List<InboundMessage> messages) {
    InboundProjection.Applied outcome;
    try {
      outcome = inbound.apply(source(partition), messages);
    } catch (RuntimeException e) {
      failed(
          "Kafka inbound "
              + inbound.name()
              + " failed on "
              + source(partition)
              + " at offsets "
              + messages.get(0).offset()
              + " to "
              + messages.get(messages.size() - 1).offset()
              + "; it reads them again from the stored offset: "
              + e.getMessage(),
          e);
      unpositioned.add(partition);
      consumer.pause(List.of(partition));
      return;
    }
    applied.add(outcome.applied());
    duplicates.add(outcome.duplicates());
    redelivered.add(outcome.redelivered());
    pause = FIRST_PAUSE;
    long next = messages.get(messages.size() - 1).offset() + 1;
    // For monitoring only (consumer lag): the stored offsets are the ones that count.
    consumer.commitAsync(Map.of(partition, new OffsetAndMetadata(next)), null);
  }

  private void failed(String message, RuntimeException e) {
    failures.increment();
    lastError = message;
    LOG.warn(message, e);
    retryAt = System.nanoTime() + pause.toNanos();
    pause =
        pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
  }

  private void sleep() {
    long nanos = retryAt - System.nanoTime();
    if (nanos > 0 && running) {
      try {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private String source(TopicPartition partition) {
    return partition.topic() + "/" + partition.partition();
  }
}
