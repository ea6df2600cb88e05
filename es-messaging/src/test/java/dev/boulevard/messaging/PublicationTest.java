package dev.boulevard.messaging;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A publication from the log to a broker in a list, and back into a read model. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class PublicationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** An event the serializer has no name for. */
  record Unnamed(String account) {}

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final InMemoryReadModelStorage storage = InMemoryReadModelStorage.create();
  private final InMemoryTransport broker = new InMemoryTransport();
  private Projections projections;

  @AfterEach
  void close() {
    if (projections != null) {
      projections.close();
    }
  }

  private Publication started(Publication.Builder publication) {
    Publication built =
        publication.serializer(MessagingFixtures.SERIALIZER).transport(broker).build();
    projections =
        Projections.builder(store, storage)
            .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)))
            .batchSize(5)
            .add(built.projection())
            .build();
    projections.start();
    return built;
  }

  @Test
  void every_event_is_published_in_an_envelope_with_its_stored_type_and_log_position()
      throws Exception {
    store.append("a", deposits("a", 0, 3));
    store.append("b", deposits("b", 0, 3));

    Publication publication = started(Publication.named("out"));

    assertThat(projections.awaitPosition(6, WAIT)).isTrue();
    List<Envelope> published = broker.envelopes();
    assertThat(published)
        .extracting(e -> e.aggregateId() + ":" + e.playhead() + "@" + e.position())
        .containsExactly("a:0@1", "a:1@2", "a:2@3", "b:0@4", "b:1@5", "b:2@6");
    assertThat(published).allSatisfy(e -> assertThat(e.type()).isEqualTo("contract.deposited"));
    assertThat(published.get(0).metadata()).containsEntry("source", "contract");
    assertThat(publication.published()).isEqualTo(6);
  }

  @Test
  void a_type_filter_passes_other_events_over_and_the_checkpoint_moves_past_them()
      throws Exception {
    store.append(
        "a",
        DomainEventStream.of(
            List.of(
                message("a", 0, new ContractEvent.Opened("a", "Ann")),
                message("a", 1, new ContractEvent.Deposited("a", 5)))));

    started(Publication.named("out").types(ContractEvent.Opened.class));

    assertThat(projections.awaitPosition(2, WAIT)).isTrue();
    assertThat(broker.envelopes()).extracting(Envelope::type).containsExactly("contract.opened");
  }

  @Test
  void an_event_that_cannot_be_serialized_parks_the_publication_until_it_is_skipped()
      throws Exception {
    store.append("a", deposits("a", 0, 2));
    store.append("b", DomainEventStream.of(List.of(message("b", 0, new Unnamed("b")))));
    store.append("c", deposits("c", 0, 1));

    started(Publication.named("out"));

    // waits until the park stops it, however long the retries take on a busy machine
    assertThat(projections.awaitOutcome(4, WAIT)).isInstanceOf(AwaitOutcome.Stuck.class);
    var status = projections.status("out");
    assertThat(status.state()).isEqualTo(ProjectionState.PARKED);
    assertThat(status.parked().orElseThrow().checkpoint().position()).isEqualTo(3);
    assertThat(status.parked().orElseThrow().error()).contains("cannot serialize");
    assertThat(broker.envelopes()).extracting(Envelope::aggregateId).containsExactly("a", "a");

    projections.skip("out", "nobody outside needs it");

    assertThat(projections.awaitPosition(4, WAIT)).isTrue();
    assertThat(broker.envelopes()).extracting(Envelope::aggregateId).containsExactly("a", "a", "c");
  }

  @Test
  void an_event_the_broker_refuses_parks_the_publication_and_a_resume_sends_it_again()
      throws Exception {
    store.append("a", deposits("a", 0, 4));
    broker.refuses = e -> e.playhead() == 2;

    started(Publication.named("out"));

    // waits until the park stops it, however long the retries take on a busy machine
    assertThat(projections.awaitOutcome(4, WAIT)).isInstanceOf(AwaitOutcome.Stuck.class);
    assertThat(projections.status("out").parked().orElseThrow().error())
        .contains("the broker refused the event: message too large");
    assertThat(broker.envelopes()).extracting(Envelope::playhead).containsExactly(0L, 1L);

    broker.refuses = e -> false;
    projections.resume("out", "the broker takes larger messages now");

    assertThat(projections.awaitPosition(4, WAIT)).isTrue();
    assertThat(broker.envelopes()).extracting(Envelope::playhead).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void a_broker_outage_is_waited_out_and_a_consumer_still_applies_each_event_once()
      throws Exception {
    store.append("a", deposits("a", 0, 7));
    broker.failuresLeft = 3;

    started(Publication.named("out"));
    assertThat(projections.awaitPosition(7, WAIT)).isTrue();

    var balances = InMemoryReadModelStorage.create();
    var inbound =
        InboundProjection.named("remote")
            .storage(balances)
            .serializer(MessagingFixtures.SERIALIZER)
            .projector(
                new BalanceProjector(balances.repository("balances", Balance.class), m -> false))
            .build();
    inbound.apply("broker", broker.messages());
    assertThat(balances.repository("balances", Balance.class).find("a").orElseThrow().playheads())
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void a_publication_split_into_segments_keeps_each_aggregates_order() throws Exception {
    for (String id : List.of("a", "b", "c", "d")) {
      store.append(id, deposits(id, 0, 5));
    }
    broker.deduplicates = true;

    started(Publication.named("out").segments(2));

    assertThat(projections.awaitPosition(20, WAIT)).isTrue();
    List<Envelope> published = broker.envelopes();
    assertThat(published).hasSize(20);
    for (String id : List.of("a", "b", "c", "d")) {
      assertThat(published.stream().filter(e -> e.aggregateId().equals(id)))
          .extracting(Envelope::playhead)
          .containsExactly(0L, 1L, 2L, 3L, 4L);
    }
  }

  @Test
  void the_pieces_of_a_stored_event_an_upcaster_split_are_numbered_and_each_arrives_once()
      throws Exception {
    store.append("a", deposits("a", 0, 3));
    // A log that reads the event at position 2 as two pieces, as an upcaster's split would.
    GlobalEventLog splitting =
        new GlobalEventLog() {
          @Override
          public List<LoggedMessage> read(Checkpoint after, int limit) {
            List<LoggedMessage> read = new ArrayList<>();
            for (LoggedMessage logged : store.read(after, limit)) {
              read.add(logged);
              if (logged.position() == 2) {
                DomainMessage m = logged.message();
                read.add(
                    new LoggedMessage(
                        logged.checkpoint(),
                        new DomainMessage(
                            UUID.nameUUIDFromBytes((m.eventId() + "/1").getBytes()),
                            m.aggregateId(),
                            m.playhead(),
                            m.metadata(),
                            new ContractEvent.Deposited("a", 100),
                            m.recordedOn())));
              }
            }
            return read;
          }

          @Override
          public Stream<LoggedMessage> stream(Checkpoint after) {
            return read(after, Integer.MAX_VALUE).stream();
          }

          @Override
          public Checkpoint head() {
            return store.head();
          }

          @Override
          public Optional<Checkpoint> checkpointAt(long position) {
            return store.checkpointAt(position);
          }

          @Override
          public boolean awaitEventsAfter(Checkpoint after, Duration timeout)
              throws InterruptedException {
            return store.awaitEventsAfter(after, timeout);
          }
        };
    Publication built =
        Publication.named("out").serializer(MessagingFixtures.SERIALIZER).transport(broker).build();
    projections = Projections.builder(splitting, storage).add(built.projection()).build();
    projections.start();
    assertThat(projections.awaitPosition(3, WAIT)).isTrue();

    assertThat(broker.envelopes())
        .extracting(e -> e.playhead() + "." + e.piece())
        .containsExactly("0.0", "1.0", "1.1", "2.0");
    var remote = InMemoryReadModelStorage.create();
    var inbound =
        InboundProjection.named("remote")
            .storage(remote)
            .serializer(MessagingFixtures.SERIALIZER)
            .projector(
                new BalanceProjector(remote.repository("balances", Balance.class), m -> false))
            .build();
    inbound.apply("broker", broker.messages());
    inbound.apply("again", broker.messages()); // the same envelopes under other offsets
    assertThat(remote.repository("balances", Balance.class).find("a").orElseThrow().total())
        .isEqualTo(1 + 2 + 100 + 3);
  }
}
