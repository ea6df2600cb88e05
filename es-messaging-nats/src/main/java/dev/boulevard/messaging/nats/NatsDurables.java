package dev.boulevard.messaging.nats;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;

/** Creates or adjusts the durable pull consumer a {@link NatsInbound} pulls from. */
final class NatsDurables {

  /** JetStream's error code for "consumer not found". */
  private static final int CONSUMER_NOT_FOUND = 10014;

  private NatsDurables() {}

  /**
   * Creates the durable afresh, starting right after the inbound projection's stored offset (or at
   * the stream's first message if none is stored), acknowledging all up to a sequence at once: one
   * of the same name that exists is checked and deleted first, with whatever it had delivered and
   * not had acknowledged. The offset stored with the read model decides where reading resumes, not
   * the durable's own state: a puller that died or failed mid-batch left messages delivered and
   * unacknowledged there, which the server would otherwise give back only after the ack wait, after
   * later ones, and which a later acknowledgement of all up to a sequence would drop unapplied.
   *
   * @return the consumer, which acknowledges all up to a message at once
   */
  static ConsumerContext open(
      Connection connection,
      String stream,
      String durable,
      String filterSubject,
      int batchSize,
      Duration ackWait,
      OptionalLong storedOffset) {
    try {
      StreamContext context = connection.getStreamContext(stream);
      if (storedOffset.isPresent()) {
        long first = context.getStreamInfo().getStreamState().getFirstSequence();
        if (storedOffset.getAsLong() + 1 < first) {
          // A durable would start at the first message left and skip the rest without a word.
          throw new IllegalStateException(
              "NATS stream "
                  + stream
                  + " no longer holds the messages after sequence "
                  + storedOffset.getAsLong()
                  + " that durable consumer "
                  + durable
                  + " has yet to apply (its first is "
                  + first
                  + ", the rest went by its limits): the read model would miss them; rebuild it"
                  + " from a stream that holds them");
        }
      }
      ConsumerInfo existing = find(context, durable);
      if (existing != null) {
        check(existing.getConsumerConfiguration(), stream, durable);
        context.deleteConsumer(durable);
      }
      var builder =
          ConsumerConfiguration.builder()
              .durable(durable)
              .ackPolicy(AckPolicy.All)
              .ackWait(ackWait)
              .maxAckPending(batchSize);
      if (storedOffset.isPresent()) {
        builder
            .deliverPolicy(DeliverPolicy.ByStartSequence)
            .startSequence(storedOffset.getAsLong() + 1);
      } else {
        builder.deliverPolicy(DeliverPolicy.All);
      }
      if (filterSubject != null) {
        builder.filterSubject(filterSubject);
      }
      ConsumerConfiguration config = builder.build();
      return context.createOrUpdateConsumer(config);
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException(
          "Cannot open durable consumer "
              + durable
              + " of NATS stream "
              + stream
              + " at "
              + NatsTransport.servers(connection)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void check(ConsumerConfiguration current, String stream, String durable) {
    if (current.getDeliverSubject() != null) {
      throw new IllegalStateException(
          "Consumer "
              + durable
              + " of NATS stream "
              + stream
              + " is a push consumer, not a pull one");
    }
    if (current.getAckPolicy() == AckPolicy.None) {
      throw new IllegalStateException(
          "Consumer "
              + durable
              + " of NATS stream "
              + stream
              + " acknowledges nothing (ack policy none), so a failed message would be lost");
    }
  }

  private static ConsumerInfo find(StreamContext context, String durable)
      throws IOException, JetStreamApiException {
    try {
      return context.getConsumerInfo(durable);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == CONSUMER_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
