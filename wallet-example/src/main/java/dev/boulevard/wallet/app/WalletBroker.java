package dev.boulevard.wallet.app;

import dev.boulevard.messaging.InboundProjection;
import dev.boulevard.messaging.MessageTransport;
import dev.boulevard.messaging.Publication;
import dev.boulevard.messaging.kafka.KafkaInbound;
import dev.boulevard.messaging.kafka.KafkaTransport;
import dev.boulevard.messaging.nats.NatsInbound;
import dev.boulevard.messaging.nats.NatsTransport;
import dev.boulevard.serializer.Serializer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Where the wallet's events go out to other services, and how those services read them: the NATS
 * stream {@value #STREAM} (subjects {@code wallet.<type>.<walletId>}) or the Kafka topic {@value
 * #TOPIC} (keyed by wallet id), each message an envelope of one event.
 */
public final class WalletBroker {

  /** The publication's name: its checkpoint and lease, and its line in the projections' status. */
  public static final String PUBLICATION = "wallet_out";

  /** The NATS JetStream stream the wallet publishes to. */
  public static final String STREAM = "WALLET";

  /** The first token of the wallet's NATS subjects. */
  public static final String SUBJECT_PREFIX = "wallet";

  /** The Kafka topic the wallet publishes to. */
  public static final String TOPIC = "wallet-events";

  private WalletBroker() {}

  /**
   * Connects to a broker to publish the wallet's events, creating the NATS stream or the Kafka
   * topic if needed.
   *
   * @param broker {@code nats://HOST:PORT} or {@code kafka://HOST:PORT}
   * @param serializer the event store's serializer
   * @return the publication and what it holds open
   * @throws IOException if NATS cannot be reached, or the Kafka topic cannot be created
   * @throws InterruptedException if interrupted while connecting
   */
  public static Outbound publishTo(URI broker, Serializer serializer)
      throws IOException, InterruptedException {
    WalletOptions.checkBroker("the broker", broker);
    if (broker.getScheme().equals("nats")) {
      Connection connection = connect(broker);
      try {
        NatsTransport transport =
            NatsTransport.builder(connection).stream(STREAM)
                .subjectPrefix(SUBJECT_PREFIX)
                .createStream(true)
                .build();
        return new Outbound(publication(transport, serializer), transport, connection);
      } catch (RuntimeException e) {
        closeQuietly(connection);
        throw e;
      }
    }
    createTopic(hostPort(broker));
    KafkaTransport transport = KafkaTransport.builder(hostPort(broker)).topic(TOPIC).build();
    return new Outbound(publication(transport, serializer), transport, null);
  }

  /**
   * Starts consuming the wallet's events from a broker into an inbound projection, under a durable
   * consumer (NATS) or consumer group (Kafka) of the given name.
   *
   * @param broker {@code nats://HOST:PORT} or {@code kafka://HOST:PORT}
   * @param consumer the durable consumer's or group's name
   * @param inbound where the events go
   * @return the running consumer; closing it stops it
   * @throws IOException if NATS cannot be reached
   * @throws InterruptedException if interrupted while connecting
   */
  public static Consuming consume(URI broker, String consumer, InboundProjection inbound)
      throws IOException, InterruptedException {
    WalletOptions.checkBroker("the broker", broker);
    if (broker.getScheme().equals("nats")) {
      Connection connection = connect(broker);
      try {
        NatsInbound running = NatsInbound.builder(connection, STREAM, consumer, inbound).build();
        running.start();
        return () -> {
          try {
            running.close();
          } finally {
            closeQuietly(connection);
          }
        };
      } catch (RuntimeException e) {
        closeQuietly(connection);
        throw e;
      }
    }
    KafkaInbound running = KafkaInbound.builder(hostPort(broker), TOPIC, consumer, inbound).build();
    running.start();
    return running::close;
  }

  /**
   * Creates the wallet's topic with the broker's default partitions and replication, unless it
   * exists: relying on the broker's creation on first use would leave both to chance.
   */
  private static void createTopic(String servers) throws IOException, InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      admin
          .createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty())))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IOException(
            "Cannot create Kafka topic " + TOPIC + " at " + servers + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IOException("Kafka at " + servers + " did not answer within 30 s", e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A consumer of the wallet's events, running until closed. */
  public interface Consuming extends AutoCloseable {

    /** Stops the consumer after its batch and closes its connection. */
    @Override
    void close();
  }

  private static Publication publication(MessageTransport transport, Serializer serializer) {
    return Publication.named(PUBLICATION).serializer(serializer).transport(transport).build();
  }

  private static Connection connect(URI broker) throws IOException, InterruptedException {
    return Nats.connect(
        new Options.Builder()
            .server(broker.toString())
            .connectionTimeout(Duration.ofSeconds(5))
            .maxReconnects(-1)
            .build());
  }

  private static String hostPort(URI broker) {
    return broker.getHost() + ":" + broker.getPort();
  }

  /**
   * A publication of the wallet's events and the broker connection it holds.
   *
   * @param publication the publication, to add to the projections
   * @param transport its transport
   * @param connection the NATS connection, or null for Kafka
   */
  public record Outbound(Publication publication, MessageTransport transport, Connection connection)
      implements AutoCloseable {

    /** Closes the transport and the connection; stop the projections first. */
    @Override
    public void close() {
      try {
        transport.close();
      } finally {
        if (connection != null) {
          closeQuietly(connection);
        }
      }
    }
  }
}
