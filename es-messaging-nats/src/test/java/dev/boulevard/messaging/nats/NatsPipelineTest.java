package dev.boulevard.messaging.nats;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.Publication;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.RetryPolicy;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** From an event store through a publication, NATS and a durable consumer into a read model. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class NatsPipelineTest {

  private final String stream = NatsTestServers.unique("PIPELINE");
  private final String prefix = NatsTestServers.unique("pipeline");
  private final InMemoryEventStore store = new InMemoryEventStore();
  private Connection connection;
  private Projections projections;
  private NatsInbound in;

  @BeforeEach
  void connect() throws Exception {
    connection = NatsTestServers.shared();
  }

  @AfterEach
  void close() throws InterruptedException {
    if (in != null) {
      in.close();
    }
    if (projections != null) {
      projections.close();
    }
    NatsTestServers.deleteStream(connection, stream);
    connection.close();
  }

  private Publication publishing() {
    Publication publication =
        Publication.named("out")
            .serializer(MessagingFixtures.SERIALIZER)
            .transport(
                NatsTransport.builder(connection).stream(stream)
                    .subjectPrefix(prefix)
                    .createStream(true)
                    .build())
            .build();
    projections =
        Projections.builder(store, InMemoryReadModelStorage.create())
            .retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(200)))
            .batchSize(50)
            .add(publication.projection())
            .build();
    projections.start();
    return publication;
  }

  @Test
  void every_event_of_the_store_reaches_the_remote_read_model_once() throws Exception {
    for (int account = 0; account < 8; account++) {
      store.append("acct-" + account, deposits("acct-" + account, 0, 40));
    }
    Publication publication = publishing();
    var remote = new Balances();

    in = NatsInbound.builder(connection, stream, "remote", remote.inbound).batchSize(25).build();
    in.start();

    Await.until("320 events applied", () -> in.applied() == 320, () -> "applied " + in.applied());
    assertThat(projections.awaitPosition(320, Await.LONG)).isTrue();
    for (int account = 0; account < 8; account++) {
      var balance = remote.balances.find("acct-" + account).orElseThrow();
      assertThat(balance.playheads())
          .containsExactlyElementsOf(LongStream.range(0, 40).boxed().toList());
      assertThat(balance.total()).isEqualTo(40 * 41 / 2);
    }
    assertThat(remote.inbound.lastOffset(in.source())).hasValue(320);
    assertThat(in.lastError()).isEmpty();
    assertThat(publication.published()).isEqualTo(320);
    assertThat(publication.duplicates()).isZero();
  }

  @Test
  void an_event_the_server_refuses_parks_the_publication_until_it_is_skipped() throws Exception {
    store.append("a", deposits("a", 0, 2));
    store.append(
        "b",
        DomainEventStream.of(
            List.of(message("b", 0, new ContractEvent.Opened("b", "x".repeat(2 << 20))))));
    store.append("c", deposits("c", 0, 1));

    publishing();

    Await.until(
        "the publication to park",
        () -> projections.status("out").state() == ProjectionState.PARKED,
        () -> projections.status("out").toString());
    var status = projections.status("out");
    assertThat(status.parked().orElseThrow().checkpoint().position()).isEqualTo(3);
    assertThat(status.parked().orElseThrow().error()).contains("max_payload").contains(stream);
    assertThat(StreamReader.read(connection, stream, 2, Duration.ofSeconds(2)))
        .extracting(Envelope::aggregateId)
        .containsExactly("a", "a");

    projections.skip("out", "too large for any consumer");

    assertThat(projections.awaitPosition(4, Await.LONG)).isTrue();
    assertThat(StreamReader.read(connection, stream, 3, Await.LONG))
        .extracting(e -> e.aggregateId() + ":" + e.playhead())
        .containsExactly("a:0", "a:1", "c:0");
  }
}
