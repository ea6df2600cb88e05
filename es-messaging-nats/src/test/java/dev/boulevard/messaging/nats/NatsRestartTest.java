package dev.boulevard.messaging.nats;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.Publication;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.RetryPolicy;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server of the test's own, killed and started again while a publication publishes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class NatsRestartTest {

  private static final int ACCOUNTS = 10;

  private final InMemoryEventStore store = new InMemoryEventStore();
  private final AtomicBoolean appending = new AtomicBoolean(true);

  /** Appends one deposit after another, round the accounts, until told to stop. */
  private void append() {
    for (int i = 0; appending.get(); i++) {
      String account = "acct-" + (i % ACCOUNTS);
      store.append(account, deposits(account, i / ACCOUNTS, 1));
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Test
  void a_server_killed_while_publishing_is_waited_out_and_the_stream_holds_each_event_once()
      throws Exception {
    try (NatsProcess server = NatsProcess.start()) {
      Connection connection = Nats.connect(NatsTestServers.options(server.url()).build());
      try {
        publishThroughARestart(server, connection);
      } finally {
        connection.close();
      }
    }
  }

  private void publishThroughARestart(NatsProcess server, Connection connection) throws Exception {
    {
      Publication publication =
          Publication.named("out")
              .serializer(MessagingFixtures.SERIALIZER)
              .transport(
                  NatsTransport.builder(connection).stream("RESTART")
                      .subjectPrefix("restart")
                      .createStream(true)
                      .ackTimeout(Duration.ofSeconds(2))
                      .build())
              .build();
      try (Projections projections =
          Projections.builder(store, InMemoryReadModelStorage.create())
              .retry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(300)))
              .batchSize(20)
              .add(publication.projection())
              .build()) {
        projections.start();
        Thread appender = new Thread(this::append, "appender");
        appender.start();

        Await.until("300 published", () -> publication.published() >= 300, () -> "");
        server.kill();
        Await.until(
            "the publication to notice",
            () -> projections.status("out").lastError().isPresent(),
            () -> projections.status("out").toString());
        var during = projections.status("out");
        long publishedAtKill = publication.published();
        Thread.sleep(2000); // down for a while, as a restart takes
        server.restart();
        Await.until(
            "300 more published",
            () -> publication.published() >= publishedAtKill + 300,
            () -> projections.status("out").toString());
        appending.set(false);
        appender.join();
        long total = store.head().position();

        assertThat(projections.awaitPosition(total, Await.LONG)).isTrue();
        long messages =
            connection
                .jetStreamManagement()
                .getStreamInfo("RESTART")
                .getStreamState()
                .getMsgCount();
        List<Envelope> stored =
            StreamReader.read(connection, "RESTART", (int) messages, Await.LONG);
        System.out.printf(
            "NatsRestartTest: %d events, %d published, %d of them duplicates the stream dropped;"
                + " while the server was down the publication was %s: %s%n",
            total,
            publication.published(),
            publication.duplicates(),
            during.state(),
            during.lastError().orElse(""));
        assertThat(during.state())
            .isIn(ProjectionState.RETRYING, ProjectionState.CATCHING_UP, ProjectionState.LIVE);
        // Every event is in the stream. A server killed with SIGKILL may come back without the last
        // ids of its duplicate window, and then store a republished event twice (seen once in 1,814
        // in the wallet's kill test): a consumer passes such a copy over by its playhead.
        assertThat(stored.stream().map(Envelope::position).distinct().sorted().toList())
            .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        System.out.printf(
            "NatsRestartTest: the stream holds %d messages for %d events%n", stored.size(), total);
        Map<String, List<Long>> playheads =
            stored.stream()
                .collect(groupingBy(Envelope::aggregateId, mapping(Envelope::playhead, toList())));
        playheads.values().forEach(list -> assertThat(list).isSorted());
        // each event was in exactly one send that went through; what failed sends stored came back
        // as duplicates
        assertThat(publication.published()).isEqualTo(total);
      }
    }
  }
}
