package dev.boulevard.messaging.nats;

import dev.boulevard.messaging.InboundMessage;
import dev.boulevard.messaging.InboundProjection;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of a {@link NatsInbound}: fetch, apply, acknowledge; on a failure, pause, open the
 * durable afresh from the offset stored with the read model, and go on from there.
 */
final class NatsPuller implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(NatsInbound.class);

  /** How long a fetch waits for its batch to fill: the shortest jnats takes. */
  private static final long FETCH_WAIT_MILLIS = 1000;

  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  private final String source;
  private final Supplier<ConsumerContext> reopen;
  private ConsumerContext durable; // the puller's thread's only, once running
  private long nextDelivery = 1; // the durable's delivery sequence the next message must have
  private final InboundProjection inbound;
  private final int batchSize;
  private final Runnable beforeAck;
  private final Connection connection;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong redelivered = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong lastSequence = new AtomicLong();
  private volatile String lastError;

  NatsPuller(
      String source,
      ConsumerContext durable,
      Supplier<ConsumerContext> reopen,
      InboundProjection inbound,
      int batchSize,
      Runnable beforeAck,
      Connection connection) {
    this.source = source;
    this.durable = durable;
    this.reopen = reopen;
    this.inbound = inbound;
    this.batchSize = batchSize;
    this.beforeAck = beforeAck;
    this.connection = connection;
  }

  @Override
  public void run() {
    int failures = 0;
    boolean reopening = false;
    while (stopped.getCount() > 0) {
      List<Message> batch = List.of();
      try {
        if (reopening) {
          // What the failed batch left delivered and unacknowledged must come first, and again.
          durable = reopen.get();
          nextDelivery = 1;
          reopening = false;
        }
        batch = fetch();
        if (!batch.isEmpty()) {
          handle(batch);
        }
        failures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failures++;
        reopening = true;
        Duration pause = pauseAfter(failures);
        fail(batch, e, pause);
        try {
          if (stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private List<Message> fetch() throws Exception {
    List<Message> batch = new ArrayList<>(batchSize);
    FetchConsumer fetch =
        durable.fetch(
            FetchConsumeOptions.builder()
                .maxMessages(batchSize)
                .expiresIn(FETCH_WAIT_MILLIS)
                .build());
    try {
      for (Message message = fetch.nextMessage(); message != null; message = fetch.nextMessage()) {
        if (message.isJetStream()) {
          batch.add(message);
        }
      }
    } finally {
      fetch.close(); // finished already when nextMessage returned null
    }
    return batch;
  }

  private void handle(List<Message> batch) throws Exception {
    // A message the server delivered to a fetch that had already ended on this side (its pull
    // request outlived the client's wait) never reaches this loop, yet counts as delivered; acking
    // a later one would acknowledge it unapplied. The durable's delivery sequence shows the gap:
    // nothing of the batch is applied or acknowledged, and reading resumes from the stored offset.
    for (Message message : batch) {
      long delivery = message.metaData().consumerSequence();
      if (delivery != nextDelivery) {
        throw new IllegalStateException(
            "stream sequence "
                + message.metaData().streamSequence()
                + " came as delivery "
                + delivery
                + " of the durable, not "
                + nextDelivery
                + ": a delivery was missed");
      }
      nextDelivery++;
    }
    List<InboundMessage> messages = new ArrayList<>(batch.size());
    for (Message message : batch) {
      messages.add(new InboundMessage(message.metaData().streamSequence(), message.getData()));
    }
    InboundProjection.Applied result = inbound.apply(source, messages);
    beforeAck.run();
    Message last = batch.get(batch.size() - 1);
    last.ackSync(ACK_TIMEOUT);
    applied.addAndGet(result.applied());
    redelivered.addAndGet(result.redelivered());
    duplicates.addAndGet(result.duplicates());
    lastSequence.set(last.metaData().streamSequence());
    lastError = null;
  }

  private void fail(List<Message> batch, Exception e, Duration pause) {
    String sequences =
        batch.isEmpty()
            ? "no batch (fetching)"
            : "stream sequences "
                + batch.get(0).metaData().streamSequence()
                + ".."
                + batch.get(batch.size() - 1).metaData().streamSequence()
                + " (delivery "
                + batch.get(0).metaData().deliveredCount()
                + ")";
    lastError =
        "NATS inbound "
            + source
            + " at "
            + NatsTransport.servers(connection)
            + " failed on "
            + sequences
            + ": "
            + e;
    LOG.warn(
        "{}; not acknowledged, reading again from the stored offset in {} ms",
        lastError,
        pause.toMillis(),
        e);
  }

  private static Duration pauseAfter(int failures) {
    Duration pause = FIRST_PAUSE;
    for (int i = 1; i < failures && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  void stop() {
    stopped.countDown();
  }

  String source() {
    return source;
  }

  long applied() {
    return applied.get();
  }

  long redelivered() {
    return redelivered.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long lastSequence() {
    return lastSequence.get();
  }

  Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }
}
