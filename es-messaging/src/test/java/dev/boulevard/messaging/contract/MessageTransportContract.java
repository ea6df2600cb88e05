package dev.boulevard.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.MessageTransport;
import dev.boulevard.messaging.RefusedMessageException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link MessageTransport} does, against its real broker: a transport's test extends
 * this class, sending to a destination of its own per test and reading back what arrived there.
 */
@Timeout(120)
public abstract class MessageTransportContract {

  /** How long a test waits for messages to arrive. */
  protected static final Duration WAIT = Duration.ofSeconds(30);

  private MessageTransport transport;

  /**
   * Makes a transport that sends to a destination (topic, stream) of this test's own.
   *
   * @return the transport
   * @throws Exception if the broker cannot be set up
   */
  protected abstract MessageTransport newTransport() throws Exception;

  /**
   * Reads back what arrived at this test's destination, as a fresh consumer would.
   *
   * @param count how many envelopes to wait for
   * @param timeout how long to wait for them
   * @return the envelopes that arrived, in the order a consumer got them; more than {@code count}
   *     if more arrived, fewer if the time ran out
   * @throws Exception if the broker cannot be read
   */
  protected abstract List<Envelope> received(int count, Duration timeout) throws Exception;

  /** {@return the transport of this test, made once} */
  protected final MessageTransport transport() throws Exception {
    if (transport == null) {
      transport = newTransport();
    }
    return transport;
  }

  /** Closes the transport. */
  @AfterEach
  void closeTransport() {
    if (transport != null) {
      transport.close();
    }
  }

  @Test
  void every_envelope_arrives_whole_and_each_aggregates_order_is_kept() throws Exception {
    List<Envelope> sent = MessagingFixtures.interleaved(5, 40, "order");
    for (int from = 0; from < sent.size(); from += 30) {
      var acknowledged = transport().send(sent.subList(from, Math.min(sent.size(), from + 30)));
      assertThat(acknowledged.messages()).isEqualTo(Math.min(30, sent.size() - from));
    }

    List<Envelope> received = received(sent.size(), WAIT);

    assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    Map<String, List<Long>> playheads =
        received.stream()
            .collect(
                Collectors.groupingBy(
                    Envelope::aggregateId,
                    Collectors.mapping(Envelope::playhead, Collectors.toList())));
    assertThat(playheads).hasSize(5);
    playheads.values().forEach(list -> assertThat(list).isSorted().doesNotHaveDuplicates());
  }

  @Test
  void what_send_returned_for_is_stored_by_the_broker() throws Exception {
    List<Envelope> sent = MessagingFixtures.interleaved(2, 10, "acked");
    transport().send(sent);
    transport.close();
    transport = null;

    assertThat(received(sent.size(), WAIT)).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void an_envelope_the_broker_cannot_take_is_refused_by_its_index_and_stops_the_send()
      throws Exception {
    List<Envelope> sent =
        List.of(
            MessagingFixtures.deposit("big-1", 0, 1),
            MessagingFixtures.deposit("big-2", 0, 2),
            MessagingFixtures.oversized("big-1", 1, 3),
            MessagingFixtures.deposit("big-1", 2, 4));

    RefusedMessageException refused =
        catchThrowableOfType(RefusedMessageException.class, () -> transport().send(sent));

    assertThat(refused).isNotNull();
    assertThat(refused.index()).isEqualTo(2);
    // nothing of the refused envelope's aggregate after it: a resume would break its order
    assertThat(received(3, Duration.ofSeconds(3)))
        .containsExactlyInAnyOrderElementsOf(sent.subList(0, 2));
  }
}
