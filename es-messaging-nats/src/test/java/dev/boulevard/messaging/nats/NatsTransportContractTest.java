package dev.boulevard.messaging.nats;

import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.MessageTransport;
import dev.boulevard.messaging.contract.MessageTransportContract;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** The transport contract against the machine's NATS server, a stream of its own per test. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NatsTransportContractTest extends MessageTransportContract {

  private final String stream = NatsTestServers.unique("CONTRACT");
  private final String prefix = NatsTestServers.unique("contract");
  private Connection connection;

  @Override
  protected MessageTransport newTransport() throws Exception {
    connection = NatsTestServers.shared();
    return NatsTransport.builder(connection).stream(stream)
        .subjectPrefix(prefix)
        .createStream(true)
        .build();
  }

  @Override
  protected List<Envelope> received(int count, Duration timeout) throws Exception {
    return StreamReader.read(connection, stream, count, timeout);
  }

  @AfterEach
  void deleteStream() throws InterruptedException {
    if (connection != null) {
      NatsTestServers.deleteStream(connection, stream);
      connection.close();
    }
  }
}
