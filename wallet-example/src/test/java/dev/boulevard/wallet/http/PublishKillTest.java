package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import dev.boulevard.messaging.nats.NatsProcess;
import dev.boulevard.wallet.app.WalletBroker;
import dev.boulevard.wallet.app.WalletOptions;
import io.nats.client.Nats;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The wallet publishing through NATS while it is killed with SIGKILL in the middle of its batches,
 * the loyalty service is killed too, and the NATS server is killed and started again: in the end
 * the loyalty service shows every acknowledged command once, and the stream holds every event
 * (once, but for what a broker killed with SIGKILL may have forgotten of its duplicate window).
 */
@Tag("reliability")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublishKillTest {

  private static final int CLIENTS = 6;
  private static final int WALLETS = 6;

  @Test
  void every_acknowledged_command_reaches_the_loyalty_service_once_through_kills()
      throws Exception {
    long start = System.nanoTime();
    try (NatsProcess nats = NatsProcess.start();
        TestWalletDatabase database = TestWalletDatabase.h2()) {
      String loyaltyUrl = "jdbc:h2:file:" + Files.createTempDirectory("loyalty").resolve("loyalty");
      WalletOptions options =
          database
              .options()
              .inFleet("publisher", Duration.ofSeconds(2))
              .publishingTo(URI.create(nats.url()));
      String prefix = "pub-" + Long.toString(System.nanoTime(), 36) + "-";
      var load = new CommandLoad(prefix, WALLETS, true);
      ChildApp loyalty = null; // started once the wallet has created the stream
      int loyaltyKills = 0;
      int brokerKills = 0;
      try {
        for (int round = 0; round < ReliabilityReport.ROUNDS; round++) {
          try (ChildApp wallet = ChildApp.start(options)) {
            load.start(new WalletClient(wallet.port()), CLIENTS);
            if (loyalty == null) {
              loyalty = ChildApp.startLoyalty(URI.create(nats.url()), loyaltyUrl);
            }
            Thread.sleep(500 + ThreadLocalRandom.current().nextInt(2_000));
            if (round % 3 == 1) { // the consumer dies mid-batch, and comes back
              loyalty.kill();
              loyaltyKills++;
              loyalty = ChildApp.startLoyalty(URI.create(nats.url()), loyaltyUrl);
            }
            if (round % 3 == 2) { // the broker dies, the wallet publishes into the void
              nats.kill();
              brokerKills++;
              Thread.sleep(1_500);
              nats.restart();
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(1_000));
            wallet.kill(); // mid-publication: its batch was sent, its checkpoint not moved
            load.stop();
            assertThat(load.unexpected).isEmpty();
          }
        }
        try (ChildApp wallet = ChildApp.start(options)) {
          int pending = load.pending();
          load.resendPending(new WalletClient(wallet.port()));
          assertThat(load.unexpected).isEmpty();
          var expected = Loyalty.expected(load.acks);

          ChildApp consumer = loyalty;
          Loyalty.awaitShown(
              new WalletClient(loyalty.port()),
              expected,
              120,
              () ->
                  "stream messages "
                      + streamMessagesOrError(nats)
                      + "; per aggregate, out of playhead order or repeated: "
                      + streamDisorder(nats)
                      + "\nwallet: "
                      + new WalletClient(wallet.port()).get("/admin/projections").body()
                      + "\n"
                      + wallet.log()
                      + "\nloyalty: "
                      + consumer.log());

          long events = expected.values().stream().mapToLong(Loyalty.Expected::events).sum();
          long stored = streamMessages(nats);
          // A broker killed with SIGKILL may come back without the last ids of its duplicate
          // window: a republished event can then be stored twice, which the consumer passes over.
          assertThat(stored)
              .as("messages in the stream: every event, at least once")
              .isGreaterThanOrEqualTo(events);
          new ReliabilityReport("PublishKillTest", "H2_NATS")
              .with("seconds", (System.nanoTime() - start) / 1e9)
              .with("walletKills", ReliabilityReport.ROUNDS)
              .with("loyaltyKills", loyaltyKills)
              .with("brokerKills", brokerKills)
              .with("acknowledged", load.acks.size())
              .with("resentAfterTheLastKill", pending)
              .with("streamMessages", stored)
              .with("duplicatesInStream", stored - events)
              .with("appliedByLoyalty", events)
              .publish();
        }
      } finally {
        if (loyalty != null) {
          loyalty.close();
        }
      }
    }
  }

  /**
   * {@return what is out of order in the stream: per aggregate, each place where a playhead does
   * not follow the one before it by one, as {@code seq:playhead}}
   */
  private static String streamDisorder(NatsProcess nats) {
    var found = new java.util.TreeMap<String, List<String>>();
    try {
      var connection = Nats.connect(nats.url());
      try {
        var management = connection.jetStreamManagement();
        long last =
            management.getStreamInfo(WalletBroker.STREAM).getStreamState().getLastSequence();
        var previous = new java.util.HashMap<String, Long>();
        for (long seq = 1; seq <= last; seq++) {
          var message = management.getMessage(WalletBroker.STREAM, seq);
          var envelope = dev.boulevard.messaging.EnvelopeJson.read(message.getData());
          Long before = previous.put(envelope.aggregateId(), envelope.playhead());
          if (before != null && envelope.playhead() != before + 1) {
            found
                .computeIfAbsent(envelope.aggregateId(), k -> new java.util.ArrayList<>())
                .add(seq + ":" + before + "->" + envelope.playhead());
          }
        }
      } finally {
        connection.close();
      }
    } catch (Exception e) {
      return e.toString();
    }
    return found.toString();
  }

  private static String streamMessagesOrError(NatsProcess nats) {
    try {
      return Long.toString(streamMessages(nats));
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static long streamMessages(NatsProcess nats) throws Exception {
    var connection = Nats.connect(nats.url());
    try {
      return connection
          .jetStreamManagement()
          .getStreamInfo(WalletBroker.STREAM)
          .getStreamState()
          .getMsgCount();
    } finally {
      connection.close();
    }
  }
}
