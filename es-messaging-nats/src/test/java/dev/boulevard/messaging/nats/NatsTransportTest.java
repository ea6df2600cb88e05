package dev.boulevard.messaging.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.MessageTransport.Acknowledged;
import dev.boulevard.messaging.RefusedMessageException;
import dev.boulevard.messaging.contract.MessagingFixtures;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.api.OrderedConsumerConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the NATS transport adds to the contract: dedupe by event id, subjects, headers. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class NatsTransportTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String stream = NatsTestServers.unique("TRANSPORT");
  private final String prefix = NatsTestServers.unique("transport");
  private Connection connection;
  private NatsTransport transport;

  @BeforeEach
  void connect() throws Exception {
    connection = NatsTestServers.shared();
    transport =
        NatsTransport.builder(connection).stream(stream)
            .subjectPrefix(prefix)
            .createStream(true)
            .build();
  }

  @AfterEach
  void deleteStream() throws InterruptedException {
    NatsTestServers.deleteStream(connection, stream);
    connection.close();
  }

  @Test
  void envelopes_sent_twice_are_reported_as_duplicates_and_stored_once() throws Exception {
    List<Envelope> sent = MessagingFixtures.interleaved(3, 10, "dedupe");

    Acknowledged first = transport.send(sent);
    Acknowledged second = transport.send(sent);

    assertThat(first).isEqualTo(new Acknowledged(30, 0));
    assertThat(second).isEqualTo(new Acknowledged(30, 30));
    assertThat(StreamReader.read(connection, stream, 30, WAIT))
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void a_message_goes_to_its_types_and_aggregates_subject_with_the_envelope_headers()
      throws Exception {
    Envelope envelope = MessagingFixtures.deposit("acct.7 *ü>", 0, 1);

    transport.send(List.of(envelope));

    Message message =
        connection
            .getStreamContext(stream)
            .createOrderedConsumer(new OrderedConsumerConfiguration())
            .next(WAIT);
    assertThat(message.getSubject())
        .isEqualTo(prefix + ".contract%2Edeposited.acct%2E7%20%2A%C3%BC%3E");
    assertThat(message.getHeaders().getFirst("Nats-Msg-Id"))
        .isEqualTo(envelope.eventId().toString());
    assertThat(message.getHeaders().getFirst(Envelope.TYPE_HEADER)).isEqualTo("contract.deposited");
    assertThat(NatsSubjects.decode(message.getHeaders().getFirst(Envelope.AGGREGATE_ID_HEADER)))
        .isEqualTo("acct.7 *ü>");
  }

  @Test
  void an_envelope_of_an_empty_aggregate_id_is_refused_by_its_index() throws Exception {
    List<Envelope> sent =
        List.of(MessagingFixtures.deposit("ok", 0, 1), MessagingFixtures.deposit("", 0, 2));

    RefusedMessageException refused =
        catchThrowableOfType(RefusedMessageException.class, () -> transport.send(sent));

    assertThat(refused.index()).isEqualTo(1);
    assertThat(refused).hasMessageContaining("empty").hasMessageContaining(stream);
    assertThat(StreamReader.read(connection, stream, 1, WAIT)).containsExactly(sent.get(0));
  }

  @Test
  void a_server_out_of_reach_fails_the_send_naming_server_and_stream() throws Exception {
    connection.close();

    var failure =
        catchThrowableOfType(
            RuntimeException.class,
            () -> transport.send(List.of(MessagingFixtures.deposit("a", 0, 1))));

    assertThat(failure).isNotInstanceOf(RefusedMessageException.class);
    assertThat(failure).hasMessageContaining(stream).hasMessageContaining("4222");
    connection = NatsTestServers.shared(); // to delete the stream
  }
}
