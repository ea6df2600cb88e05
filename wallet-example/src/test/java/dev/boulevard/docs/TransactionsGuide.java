package dev.boulevard.docs;

import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventstore.jdbc.JdbcCommandLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.unitofwork.UnitOfWork;
import dev.boulevard.wallet.app.RetryingUnitOfWork;
import java.time.Clock;
import javax.sql.DataSource;

/** The samples of docs/transactions.md. */
final class TransactionsGuide {

  CommandBus wiring(
      DataSource dataSource, Serializer serializer, CommandHandler handler, Clock clock) {
    JdbcEventStore store = JdbcEventStore.builder(dataSource, serializer).build();
    JdbcCommandLog log = JdbcCommandLog.builder(dataSource).build();
    var bus = new SimpleCommandBus();
    bus.subscribe(handler); // loads and saves through an EventSourcingRepository on the store
    CommandBus commands = CommandLogger.around(bus, log, clock, store.unitOfWork());
    return commands;
  }

  CommandBus retrying(JdbcEventStore store, CommandBus bus, JdbcCommandLog log, Clock clock) {
    UnitOfWork attempts =
        new RetryingUnitOfWork(store.unitOfWork(), 5); // the wallet's; write your own policy
    CommandBus commands = CommandLogger.around(bus, log, clock, attempts);
    return commands;
  }
}
