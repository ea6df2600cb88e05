package dev.boulevard.messaging.nats;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.MessageTransport.Acknowledged;
import dev.boulevard.messaging.RefusedMessageException;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@link NatsTransport#send}: publishes in rounds, each round the next envelope of every
 * aggregate that has one, and waits for a round's acknowledgements before the next; stops each
 * aggregate at a refused envelope, and everything past the first refused one.
 */
final class PublishRun {

  /** JetStream's error code for a message larger than the stream takes. */
  private static final int MESSAGE_TOO_LARGE = 10054;

  private final NatsTransport transport;
  private final List<Envelope> envelopes;
  private final Map<String, ArrayDeque<Integer>> pending = new LinkedHashMap<>();
  private final NatsOutgoing[] outgoing;
  private int refusedAt;
  private String refusal;
  private Throwable refusalCause;
  private int acknowledged;
  private int duplicates;

  PublishRun(NatsTransport transport, List<Envelope> envelopes) {
    this.transport = transport;
    this.envelopes = envelopes;
    this.outgoing = new NatsOutgoing[envelopes.size()];
    this.refusedAt = envelopes.size();
  }

  Acknowledged run() {
    prepare();
    while (!pending.isEmpty()) {
      round();
    }
    if (refusedAt < envelopes.size()) {
      Envelope envelope = envelopes.get(refusedAt);
      throw new RefusedMessageException(
          refusedAt,
          transport.where()
              + " refuses event "
              + envelope.eventId()
              + " ("
              + envelope.type()
              + " of aggregate "
              + envelope.aggregateId()
              + " at playhead "
              + envelope.playhead()
              + "): "
              + refusal,
          refusalCause);
    }
    return new Acknowledged(acknowledged, duplicates);
  }

  /** Encodes the envelopes up to the first that cannot be published, queued by aggregate. */
  private void prepare() {
    for (int i = 0; i < envelopes.size(); i++) {
      try {
        outgoing[i] = transport.outgoing(envelopes.get(i));
      } catch (IllegalArgumentException e) {
        refuse(i, e.getMessage(), e);
        return;
      }
      pending.computeIfAbsent(envelopes.get(i).aggregateId(), id -> new ArrayDeque<>()).add(i);
    }
  }

  private void round() {
    List<Integer> round = new ArrayList<>(pending.size());
    List<CompletableFuture<PublishAck>> acks = new ArrayList<>(pending.size());
    for (Iterator<ArrayDeque<Integer>> it = pending.values().iterator(); it.hasNext(); ) {
      int index = it.next().peekFirst();
      if (index > refusedAt) {
        it.remove();
        continue;
      }
      round.add(index);
      acks.add(publish(index));
    }
    long deadline = System.nanoTime() + transport.ackTimeout().toNanos();
    for (int k = 0; k < round.size(); k++) {
      int index = round.get(k);
      ArrayDeque<Integer> queue = pending.get(envelopes.get(index).aggregateId());
      PublishAck ack = await(index, acks.get(k), deadline);
      if (ack == null) {
        pending.remove(envelopes.get(index).aggregateId());
        continue;
      }
      acknowledged++;
      if (ack.isDuplicate()) {
        duplicates++;
      }
      queue.pollFirst();
      if (queue.isEmpty()) {
        pending.remove(envelopes.get(index).aggregateId());
      }
    }
  }

  private CompletableFuture<PublishAck> publish(int index) {
    try {
      return transport.publish(outgoing[index]);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e); // a size the client refuses: the caller sorts it
    } catch (RuntimeException e) {
      throw unavailable(index, "cannot publish", e);
    }
  }

  /** {@return the acknowledgement; null if the envelope was refused} */
  private PublishAck await(int index, CompletableFuture<PublishAck> ack, long deadline) {
    try {
      return ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(index, "was interrupted waiting for the acknowledgement of", e);
    } catch (TimeoutException e) {
      throw unavailable(index, "got no acknowledgement in " + transport.ackTimeout() + " of", e);
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (refuses(cause)) {
        refuse(index, rootMessage(cause), cause);
        return null;
      }
      throw unavailable(index, "did not acknowledge", cause);
    }
  }

  private void refuse(int index, String reason, Throwable cause) {
    if (index < refusedAt) {
      refusedAt = index;
      refusal = reason;
      refusalCause = cause;
    }
  }

  private static boolean refuses(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return true;
      }
      if (t instanceof JetStreamApiException api && api.getApiErrorCode() == MESSAGE_TOO_LARGE) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  private RuntimeException unavailable(int index, String what, Throwable cause) {
    Envelope envelope = envelopes.get(index);
    return new IllegalStateException(
        transport.where()
            + " "
            + what
            + " event "
            + envelope.eventId()
            + " (position "
            + envelope.position()
            + "): "
            + rootMessage(cause)
            + "; the publication sends the batch again",
        cause);
  }
}
