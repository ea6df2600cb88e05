package dev.boulevard.messaging.nats;

import dev.boulevard.messaging.InboundProjection;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Feeds an {@link InboundProjection} from a durable pull consumer of a JetStream stream, on a
 * daemon thread of its own.
 *
 * <pre>{@code
 * NatsInbound in = NatsInbound.builder(connection, "WALLET", "loyalty", loyalty).build();
 * in.start();
 * }</pre>
 *
 * <p>It fetches a batch, applies it with source {@code <stream>/<durable>} and each message's
 * stream sequence as its offset, and only then acknowledges it (one synchronous acknowledgement of
 * the batch's last message; the consumer acknowledges all up to it). Where reading resumes is the
 * offset the inbound projection stored with its read models: at start, and after a batch that
 * failed (logged with its stream sequences), it creates the durable afresh, right after that
 * offset, so that nothing delivered but unapplied is ever acknowledged and nothing is skipped.
 *
 * <p>One puller per durable consumer at a time: a second one started on the same durable recreates
 * it under the first, and the two would interleave batches. Keep the ack wait well above the time a
 * batch takes. Does not own the connection. Thread-safe.
 */
public final class NatsInbound implements AutoCloseable {

  private final NatsPuller puller;
  private Thread thread;

  private NatsInbound(NatsPuller puller) {
    this.puller = puller;
  }

  /**
   * Starts the definition of an inbound adapter.
   *
   * @param connection the connection to pull through, which it does not close
   * @param stream the stream
   * @param durableName the durable consumer's name, created if missing
   * @param inbound the inbound projection to feed
   * @return the builder
   */
  public static Builder builder(
      Connection connection, String stream, String durableName, InboundProjection inbound) {
    return new Builder(
        Objects.requireNonNull(connection, "connection"),
        Objects.requireNonNull(stream, "stream"),
        Objects.requireNonNull(durableName, "durableName"),
        Objects.requireNonNull(inbound, "inbound"));
  }

  /** {@return the source name it applies under: {@code <stream>/<durable>}} */
  public String source() {
    return puller.source();
  }

  /**
   * Starts pulling on a daemon thread.
   *
   * @throws IllegalStateException if it was started before
   */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("NATS inbound " + source() + " was started already");
    }
    thread = new Thread(puller, "boulevard-nats-inbound-" + source());
    thread.setDaemon(true);
    thread.start();
  }

  /** {@return how many events it handed to the projector since it was built} */
  public long applied() {
    return puller.applied();
  }

  /** {@return how many messages it passed over as delivered again (at or before the offset)} */
  public long redelivered() {
    return puller.redelivered();
  }

  /** {@return how many events it passed over as already applied (at or before the playhead)} */
  public long duplicates() {
    return puller.duplicates();
  }

  /** {@return the stream sequence of the last message it acknowledged; 0 if none} */
  public long lastSequence() {
    return puller.lastSequence();
  }

  /** {@return the last failure since the last batch that went through, if any} */
  public Optional<String> lastError() {
    return puller.lastError();
  }

  /**
   * Stops pulling and waits for the batch in hand to finish; the connection stays open.
   *
   * @throws IllegalStateException if the thread does not stop within a minute
   */
  @Override
  public synchronized void close() {
    puller.stop();
    if (thread == null) {
      return;
    }
    try {
      thread.join(Duration.ofMinutes(1).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      throw new IllegalStateException("NATS inbound " + source() + " did not stop in a minute");
    }
  }

  /** Collects an inbound adapter's filter, batch size and ack wait. */
  public static final class Builder {

    private final Connection connection;
    private final String stream;
    private final String durable;
    private final InboundProjection inbound;
    private String filterSubject;
    private int batchSize = 100;
    private Duration ackWait = Duration.ofSeconds(30);
    private Runnable beforeAck = () -> {};

    private Builder(
        Connection connection, String stream, String durable, InboundProjection inbound) {
      this.connection = connection;
      this.stream = stream;
      this.durable = durable;
      this.inbound = inbound;
    }

    /**
     * Has the consumer take only messages of these subjects, such as {@code wallet.>} or {@code
     * wallet.} + {@link NatsSubjects#token} of a type + {@code .*}; all of the stream unless set.
     *
     * @param subject a subject, wildcards allowed
     * @return this builder
     */
    public Builder filterSubject(String subject) {
      this.filterSubject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    /**
     * Sets how many messages it fetches, applies in one transaction and acknowledges at once; also
     * the consumer's {@code max_ack_pending}.
     *
     * @param size 1 to 10,000; 100 unless set
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder batchSize(int size) {
      if (size < 1 || size > 10_000) {
        throw new IllegalArgumentException("A batch size is 1 to 10000, not " + size);
      }
      this.batchSize = size;
      return this;
    }

    /**
     * Sets the consumer's ack wait: how long the server waits for a batch's acknowledgement before
     * it delivers the batch again.
     *
     * @param wait 1 s or more; 30 s unless set
     * @return this builder
     * @throws IllegalArgumentException if shorter
     */
    public Builder ackWait(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("An ack wait is 1 s or more, not " + wait);
      }
      this.ackWait = wait;
      return this;
    }

    /** Runs something between a batch's apply and its acknowledgement: a crash, in tests. */
    Builder beforeAck(Runnable hook) {
      this.beforeAck = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /**
     * Finishes the adapter, creating the durable consumer afresh so that it starts right after the
     * offset the inbound projection stored with its read model (one of that name that exists is
     * deleted with its delivery state: the stored offset decides where reading resumes).
     *
     * @return the adapter, not started
     * @throws IllegalStateException if the stream does not exist, the server cannot be reached, or
     *     the durable is a push consumer or acknowledges nothing
     */
    public NatsInbound build() {
      String source = stream + "/" + durable;
      String filter = filterSubject;
      int size = batchSize;
      Duration wait = ackWait;
      Supplier<ConsumerContext> open =
          () ->
              NatsDurables.open(
                  connection, stream, durable, filter, size, wait, inbound.lastOffset(source));
      return new NatsInbound(
          new NatsPuller(source, open.get(), open, inbound, batchSize, beforeAck, connection));
    }
  }
}
