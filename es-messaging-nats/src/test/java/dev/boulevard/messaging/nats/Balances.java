package dev.boulevard.messaging.nats;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.messaging.InboundProjection;
import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import java.util.UUID;
import java.util.function.Predicate;
import org.h2.jdbcx.JdbcDataSource;

/** The consumer side of the tests: balances in H2, fed by an inbound projection. */
final class Balances {

  final ReadModelRepository<Balance> balances;
  final InboundProjection inbound;

  Balances() {
    this(message -> false);
  }

  /** Balances whose projector fails on the messages the predicate picks. */
  Balances(Predicate<DomainMessage> failOn) {
    var dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:nats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    var storage = JdbcReadModelStorage.create(dataSource);
    balances = storage.repository("balances", Balance.class);
    inbound =
        InboundProjection.named("remote")
            .storage(storage)
            .serializer(MessagingFixtures.SERIALIZER)
            .projector(new BalanceProjector(balances, failOn))
            .build();
  }
}
