package dev.boulevard.messaging.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.contract.MessagingFixtures;
import io.nats.client.Connection;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The durable consumer side: a crash between apply and ack, a failing projector. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(120)
class NatsInboundTest {

  private static final Duration ACK_WAIT = Duration.ofSeconds(2);

  private final String stream = NatsTestServers.unique("INBOUND");
  private final String prefix = NatsTestServers.unique("inbound");
  private final List<NatsInbound> inbounds = new ArrayList<>();
  private final List<Connection> connections = new ArrayList<>();
  private final List<Envelope> sent = MessagingFixtures.interleaved(4, 25, "acct");

  @BeforeEach
  void publish() throws Exception {
    try (var transport =
        NatsTransport.builder(connection()).stream(stream)
            .subjectPrefix(prefix)
            .createStream(true)
            .build()) {
      transport.send(sent);
    }
  }

  @AfterEach
  void close() throws InterruptedException {
    inbounds.forEach(NatsInbound::close);
    NatsTestServers.deleteStream(connection(), stream);
    for (Connection connection : connections) {
      connection.close();
    }
  }

  private Connection connection() throws InterruptedException {
    Connection connection = NatsTestServers.shared();
    connections.add(connection);
    return connection;
  }

  private NatsInbound started(NatsInbound.Builder builder) {
    NatsInbound in = builder.batchSize(10).ackWait(ACK_WAIT).build();
    inbounds.add(in);
    in.start();
    return in;
  }

  private static void assertEachDepositOnce(Balances remote) {
    for (int account = 0; account < 4; account++) {
      assertThat(remote.balances.find("acct-" + account).orElseThrow().playheads())
          .containsExactlyElementsOf(LongStream.range(0, 25).boxed().toList());
    }
  }

  @Test
  void a_batch_applied_but_not_acknowledged_before_a_crash_is_not_read_again_after_the_offset()
      throws Exception {
    var remote = new Balances();
    Connection doomed = connection();
    var batches = new AtomicInteger();
    var crashed = new CountDownLatch(1);
    NatsInbound first =
        started(
            NatsInbound.builder(doomed, stream, "remote", remote.inbound)
                .beforeAck(
                    () -> {
                      if (batches.incrementAndGet() == 3) {
                        try {
                          doomed.close();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        crashed.countDown();
                        throw new IllegalStateException("crashed between apply and ack");
                      }
                    }));
    assertThat(crashed.await(Await.LONG.toSeconds(), TimeUnit.SECONDS)).isTrue();
    first.close();
    assertThat(remote.inbound.lastOffset(first.source())).hasValue(30);
    assertThat(first.lastSequence()).isEqualTo(20);

    NatsInbound second =
        started(NatsInbound.builder(connection(), stream, "remote", remote.inbound));

    Await.until(
        "every message acknowledged",
        () -> second.lastSequence() == 100,
        () -> "acknowledged up to " + second.lastSequence() + ", " + second.lastError());
    assertEachDepositOnce(remote);
    assertThat(second.redelivered()).isZero(); // the durable starts after the stored offset, 30
    assertThat(second.applied()).isEqualTo(70);
  }

  @Test
  void a_batch_fetched_but_not_applied_before_a_crash_is_applied_first_by_the_next_puller()
      throws Exception {
    Connection doomed = connection();
    var crashed = new CountDownLatch(1);
    var remote =
        new Balances(
            m -> {
              if (m.aggregateId().equals("acct-1") && m.playhead() == 6 && crashed.getCount() > 0) {
                try {
                  doomed.close(); // dies inside the batch's transaction, which rolls back
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                crashed.countDown();
                return true;
              }
              return false;
            });
    NatsInbound first = started(NatsInbound.builder(doomed, stream, "remote", remote.inbound));
    assertThat(crashed.await(Await.LONG.toSeconds(), TimeUnit.SECONDS)).isTrue();
    first.close();
    assertThat(remote.inbound.lastOffset(first.source())).hasValue(20);

    NatsInbound second =
        started(NatsInbound.builder(connection(), stream, "remote", remote.inbound));

    Await.until(
        "every message acknowledged",
        () -> second.lastSequence() == 100,
        () -> "acknowledged up to " + second.lastSequence() + ", " + second.lastError());
    assertEachDepositOnce(remote);
    assertThat(second.applied()).isEqualTo(80);
  }

  @Test
  void a_batch_the_projector_fails_on_is_delivered_again_until_it_goes_through_and_none_is_skipped()
      throws Exception {
    var failing = new AtomicInteger(1);
    var remote =
        new Balances(
            m -> failing.get() == 1 && m.aggregateId().equals("acct-2") && m.playhead() == 12);

    NatsInbound in = started(NatsInbound.builder(connection(), stream, "remote", remote.inbound));

    Await.until(
        "a failure on sequence 51",
        () -> in.lastError().filter(e -> e.contains("sequences 51..60")).isPresent(),
        () -> "last error " + in.lastError());
    assertThat(in.lastError().orElseThrow()).contains("acct-2").contains(stream);
    assertThat(remote.inbound.lastOffset(in.source())).hasValue(50);
    failing.set(0);

    Await.until(
        "every message applied",
        () -> in.lastSequence() == 100,
        () -> "acknowledged up to " + in.lastSequence() + ", " + in.lastError());
    assertEachDepositOnce(remote);
    assertThat(in.applied()).isEqualTo(100);
    assertThat(in.lastError()).isEmpty();
  }

  @Test
  void a_delivery_the_puller_never_saw_makes_it_read_again_from_the_stored_offset()
      throws Exception {
    var remote = new Balances();
    Connection connection = connection();
    NatsInbound in =
        NatsInbound.builder(connection, stream, "remote", remote.inbound)
            .batchSize(10)
            .ackWait(ACK_WAIT)
            .build();
    inbounds.add(in);
    // Another fetch of the same durable takes the first message and never acknowledges it, as a
    // fetch that ended on the client's side before the server's delivery reached it would.
    FetchConsumer other =
        connection
            .getConsumerContext(stream, "remote")
            .fetch(FetchConsumeOptions.builder().maxMessages(1).expiresIn(2_000).build());
    Message taken = other.nextMessage();
    assertThat(taken.metaData().streamSequence()).isEqualTo(1);
    other.close();

    in.start();

    Await.until(
        "every message acknowledged",
        () -> in.lastSequence() == 100,
        () -> "acknowledged up to " + in.lastSequence() + ", " + in.lastError());
    assertEachDepositOnce(remote); // without the delivery check, acct-0's first deposit is lost
    assertThat(in.applied()).isEqualTo(100);
  }
}
