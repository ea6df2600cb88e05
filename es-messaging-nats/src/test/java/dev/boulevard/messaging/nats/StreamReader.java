package dev.boulevard.messaging.nats;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.EnvelopeJson;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.StreamContext;
import io.nats.client.api.OrderedConsumerConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a stream from its start with a fresh ordered consumer, as a new subscriber would. */
final class StreamReader {

  private StreamReader() {}

  /**
   * Reads envelopes until {@code count} arrived and the stream holds no more, or the time runs out.
   */
  static List<Envelope> read(Connection connection, String stream, int count, Duration timeout)
      throws Exception {
    List<Envelope> envelopes = new ArrayList<>();
    StreamContext context = connection.getStreamContext(stream);
    OrderedConsumerContext consumer =
        context.createOrderedConsumer(new OrderedConsumerConfiguration());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (envelopes.size() >= count
          && envelopes.size() >= context.getStreamInfo().getStreamState().getMsgCount()) {
        break;
      }
      Message message = consumer.next(1000); // the shortest wait jnats takes
      if (message != null) {
        envelopes.add(EnvelopeJson.read(message.getData()));
      }
    }
    return envelopes;
  }
}
