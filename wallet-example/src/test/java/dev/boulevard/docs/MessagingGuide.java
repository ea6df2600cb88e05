package dev.boulevard.docs;

import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.messaging.InboundProjection;
import dev.boulevard.messaging.MessageTransport;
import dev.boulevard.messaging.Publication;
import dev.boulevard.messaging.kafka.KafkaInbound;
import dev.boulevard.messaging.kafka.KafkaTransport;
import dev.boulevard.messaging.nats.NatsInbound;
import dev.boulevard.messaging.nats.NatsTransport;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import dev.boulevard.wallet.loyalty.LoyaltyAccount;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import javax.sql.DataSource;

/** The samples of docs/messaging.md, docs/messaging-kafka.md and docs/messaging-nats.md. */
final class MessagingGuide {

  /** Awards loyalty points for the wallet's events it receives. */
  static final class LoyaltyProjector extends Projector {

    /** Keeps the accounts in the given repository. */
    LoyaltyProjector(ReadModelRepository<LoyaltyAccount> accounts) {
      on(WalletCreditsAdded.class, (added, message) -> accounts.find(added.userId()));
    }
  }

  void publishing(JdbcEventStore store, ReadModelStorage storage, Serializer serializer) {
    Publication out =
        Publication.named("wallet_out")
            .serializer(serializer) // the store's: type names as stored
            .transport(KafkaTransport.builder("127.0.0.1:9092").topic("wallet-events").build())
            .build();
    Projections publishing = Projections.builder(store, storage).add(out.projection()).build();
    publishing.start();
  }

  void publishingWithAFilter(
      JdbcEventStore store,
      ReadModelStorage storage,
      Serializer serializer,
      Connection connection) {
    MessageTransport transport =
        NatsTransport.builder(connection).stream("WALLET")
            .subjectPrefix("wallet")
            .createStream(true)
            .build();
    Publication publication =
        Publication.named("wallet_out")
            .serializer(serializer) // the event store's: published type names are the stored ones
            .types(WalletCreditsAdded.class, WalletCreditsSubtracted.class) // optional
            .filter(message -> !message.aggregateId().startsWith("test-")) // optional
            .transport(transport)
            .build();
    Projections publishing =
        Projections.builder(store, storage).add(publication.projection()).build();
    publishing.start();
  }

  void receiving(DataSource dataSource, Serializer serializer, Connection connection) {
    JdbcReadModelStorage storage = JdbcReadModelStorage.create(dataSource);
    InboundProjection loyalty =
        InboundProjection.named("loyalty")
            .storage(storage)
            .serializer(serializer) // knows the publisher's type names
            .projector(
                new LoyaltyProjector(storage.repository("loyalty_accounts", LoyaltyAccount.class)))
            .build();
    NatsInbound consumer = NatsInbound.builder(connection, "WALLET", "loyalty", loyalty).build();
    consumer.start();
  }

  Projections kafka(JdbcEventStore log, ReadModelStorage storage, Serializer serializer) {
    KafkaTransport transport =
        KafkaTransport.builder("broker-1:9092,broker-2:9092")
            .topic("wallet-events") // or .topic(envelope -> ...), same topic per aggregate
            .sendTimeout(Duration.ofSeconds(30)) // the default
            .property("compression.type", "lz4") // any other producer setting
            .build(); // the producer is made on the first send
    Publication out =
        Publication.named("wallet_out").serializer(serializer).transport(transport).build();
    Projections projections = Projections.builder(log, storage).add(out.projection()).build();
    return projections;
  }

  void kafkaInbound(ReadModelStorage storage, Serializer serializer, Projector projector) {
    InboundProjection loyalty =
        InboundProjection.named("loyalty")
            .storage(storage)
            .serializer(serializer)
            .projector(projector)
            .build();
    KafkaInbound in =
        KafkaInbound.builder("broker-1:9092", "wallet-events", "loyalty", loyalty)
            .pollTimeout(Duration.ofMillis(500)) // the default
            .property("max.poll.records", "200") // any other consumer setting
            .build();
    in.start(); // a daemon thread of its own
    // in.applied(), in.duplicates(), in.redelivered(), in.failures(), in.lastError()
    in.close(); // stops and joins
  }

  Projections nats(JdbcEventStore log, ReadModelStorage storage, Serializer serializer)
      throws Exception {
    Connection nats =
        Nats.connect(
            Options.builder()
                .server("nats://127.0.0.1:4222")
                .maxReconnects(-1)
                .build()); // yours: the transport never closes it
    NatsTransport transport =
        NatsTransport.builder(nats).stream("WALLET") // the JetStream stream
            .subjectPrefix("wallet") // subjects wallet.<type>.<aggregateId>
            .createStream(true) // create it, or add wallet.> to it (default: must exist)
            .duplicateWindow(Duration.ofMinutes(2)) // the default
            .ackTimeout(Duration.ofSeconds(30)) // the default
            .build();
    Publication out =
        Publication.named("wallet_out").serializer(serializer).transport(transport).build();
    Projections projections = Projections.builder(log, storage).add(out.projection()).build();
    return projections;
  }

  void natsInbound(
      Connection nats, ReadModelStorage storage, Serializer serializer, Projector projector) {
    InboundProjection loyalty =
        InboundProjection.named("loyalty")
            .storage(storage)
            .serializer(serializer)
            .projector(projector)
            .build();
    NatsInbound in =
        NatsInbound.builder(nats, "WALLET", "loyalty", loyalty)
            .filterSubject("wallet.>") // optional
            .batchSize(100) // the default
            .ackWait(Duration.ofSeconds(30)) // the default
            .build(); // creates the durable afresh, after the stored offset
    in.start(); // its own daemon thread
    // in.applied(), in.redelivered(), in.duplicates(), in.lastSequence(), in.lastError()
    in.close(); // the connection stays open
  }
}
