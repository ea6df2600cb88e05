package dev.boulevard.messaging.kafka;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.messaging.InboundProjection;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The consuming service of the tests: balances in H2, fed by an inbound projection, with a
 * projector that fails on the messages a test picks.
 */
final class RemoteBalances {

  final ReadModelRepository<Balance> balances;
  final InboundProjection inbound;
  volatile Predicate<DomainMessage> failOn = message -> false;

  RemoteBalances() {
    var dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:remote-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcReadModelStorage storage = JdbcReadModelStorage.create(dataSource);
    balances = storage.repository("balances", Balance.class);
    inbound =
        InboundProjection.named("remote")
            .storage(storage)
            .serializer(MessagingFixtures.SERIALIZER)
            .projector(new BalanceProjector(balances, message -> failOn.test(message)))
            .build();
  }

  /** {@return a consumer adapter of the topic in the group, not started} */
  KafkaInbound consumer(KafkaBroker broker, String topic, String group) {
    return KafkaInbound.builder(broker.bootstrapServers(), topic, group, inbound)
        .pollTimeout(Duration.ofMillis(100))
        .property("max.poll.records", "50")
        .build();
  }

  /** {@return each aggregate's applied playheads, in the order they were applied} */
  Map<String, List<Long>> playheads(List<String> aggregates) {
    Map<String, List<Long>> playheads = new TreeMap<>();
    for (String id : aggregates) {
      playheads.put(id, balances.find(id).map(Balance::playheads).orElse(List.of()));
    }
    return playheads;
  }

  /** {@return what {@link #playheads} holds once each aggregate's deposits 0 to count-1 arrived} */
  static Map<String, List<Long>> complete(List<String> aggregates, int count) {
    Map<String, List<Long>> playheads = new TreeMap<>();
    List<Long> all = LongStream.range(0, count).boxed().toList();
    aggregates.forEach(id -> playheads.put(id, all));
    return playheads;
  }

  /** {@return the sum of the balances, each deposit at playhead p being worth p + 1} */
  long total(List<String> aggregates) {
    return aggregates.stream()
        .mapToLong(id -> balances.find(id).map(Balance::total).orElse(0L))
        .sum();
  }
}
