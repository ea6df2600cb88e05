package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.messaging.kafka.KafkaBroker;
import dev.boulevard.messaging.nats.NatsProcess;
import dev.boulevard.wallet.app.WalletBroker;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wallet started with {@code --publish} and the loyalty service with {@code --from}, as two
 * processes that share nothing but the broker, NATS JetStream or Kafka: the loyalty service's
 * accounts come out of the wallet's events alone.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(300)
class PublishTest {

  @Test
  void the_loyalty_service_builds_its_view_from_the_wallets_events_through_nats() throws Exception {
    try (NatsProcess nats = NatsProcess.start()) {
      buildsItsView(URI.create(nats.url()));
    }
  }

  @Test
  void the_loyalty_service_builds_its_view_from_the_wallets_events_through_kafka()
      throws Exception {
    try (KafkaBroker kafka = KafkaBroker.childProcess()) {
      kafka.createTopic(WalletBroker.TOPIC, 3);
      buildsItsView(URI.create("kafka://" + kafka.bootstrapServers()));
    }
  }

  private static void buildsItsView(URI broker) throws Exception {
    try (TestWalletDatabase database = TestWalletDatabase.h2();
        ChildApp wallet = ChildApp.start(database.options().publishingTo(broker));
        ChildApp loyalty =
            ChildApp.startLoyalty(
                broker,
                "jdbc:h2:file:" + Files.createTempDirectory("loyalty").resolve("loyalty"))) {
      var client = new WalletClient(wallet.port());
      List<CommandLoad.Ack> acks = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (int user = 0; user < 4; user++) {
          String id = "pub-" + user;
          long amount = 100 + 10 * user + round;
          var added = client.command("AddWalletCredits", id, amount);
          assertThat(added.status()).as(added.body()).isEqualTo(200);
          acks.add(new CommandLoad.Ack(id, 0, "WalletCreditsAdded", amount));
          var spent = client.command("SubWalletCredits", id, 30);
          assertThat(spent.status()).as(spent.body()).isEqualTo(200);
          acks.add(new CommandLoad.Ack(id, 0, "WalletCreditsSubtracted", 30));
        }
      }

      Loyalty.awaitShown(
          new WalletClient(loyalty.port()),
          Loyalty.expected(acks),
          60,
          () -> client.get("/admin/projections").body() + "\nloyalty: " + loyalty.log());

      var totals = new WalletClient(loyalty.port()).get("/loyalty").json();
      assertThat(totals.get("events").asLong()).isEqualTo(acks.size());
      assertThat(totals.get("points").asLong())
          .isEqualTo(Loyalty.expected(acks).values().stream().mapToLong(e -> e.paid() / 100).sum());
      var fleet = client.get("/admin/projections").json();
      assertThat(fleet.get("publications").get(0).get("name").asText()).isEqualTo("wallet_out");
      assertThat(fleet.get("publications").get(0).get("position").asLong()).isEqualTo(acks.size());
    }
  }
}
