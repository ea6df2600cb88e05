package dev.boulevard.messaging;

import java.util.List;

/**
 * A broker connection that a {@link Publication} publishes through: the Kafka and NATS modules
 * implement it. Implementations are thread-safe, since a publication split into segments sends from
 * one thread per segment.
 *
 * <p>A transport keeps the order of each aggregate's envelopes, carries the event id so that the
 * broker or the consumer drops duplicates, and returns from {@link #send} only once the broker has
 * acknowledged (persisted) every envelope: the publication moves its checkpoint after that, never
 * before. A user of your own transport runs es-messaging's {@code MessageTransportContract} from
 * its test-jar.
 */
public interface MessageTransport extends AutoCloseable {

  /**
   * Sends envelopes and waits until the broker acknowledged each of them.
   *
   * @param envelopes envelopes in the global log's order; never empty
   * @return how many the broker took, and how many of those it recognised as duplicates
   * @throws RefusedMessageException if the broker refuses one envelope for good (too large, say):
   *     those before it were acknowledged
   * @throws RuntimeException if the broker could not be reached or did not acknowledge in time: the
   *     publication sends the same envelopes again later, and duplicates are dropped by event id
   */
  Acknowledged send(List<Envelope> envelopes);

  /** Closes the connection, waiting for nothing that {@link #send} did not already wait for. */
  @Override
  void close();

  /**
   * What a broker acknowledged for one {@link #send}.
   *
   * @param messages how many envelopes it acknowledged
   * @param duplicates how many of those it recognised as already stored (by event id) and did not
   *     store again; 0 for a broker that cannot tell
   */
  record Acknowledged(int messages, int duplicates) {

    /** Checks the counts. */
    public Acknowledged {
      if (messages < 0 || duplicates < 0 || duplicates > messages) {
        throw new IllegalArgumentException(
            "Acknowledged " + messages + " messages with " + duplicates + " duplicates");
      }
    }
  }
}
