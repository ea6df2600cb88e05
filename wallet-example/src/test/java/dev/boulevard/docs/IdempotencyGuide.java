package dev.boulevard.docs;

import dev.boulevard.auditing.CommandLog;
import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.commandhandling.IdempotentCommand;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcIdempotencyStore;
import dev.boulevard.idempotency.IdempotencyStore;
import dev.boulevard.idempotency.IdempotentCommandBus;
import dev.boulevard.unitofwork.UnitOfWork;
import dev.boulevard.wallet.app.RetryingUnitOfWork;
import java.time.Clock;
import javax.sql.DataSource;

/** The samples of docs/idempotency.md. */
final class IdempotencyGuide {

  DispatchResult inShort(
      DataSource dataSource,
      CommandBus handlers,
      JdbcEventStore store,
      CommandLog commandLog,
      Clock clock,
      String key,
      Object command) {
    IdempotencyStore keys =
        JdbcIdempotencyStore.on(dataSource); // or new InMemoryIdempotencyStore()
    CommandBus keyed =
        IdempotentCommandBus.builder(handlers, keys).unitOfWork(store.unitOfWork()).build();
    CommandBus bus = CommandLogger.around(keyed, commandLog, clock, store.unitOfWork());
    DispatchResult result =
        bus.dispatch(new IdempotentCommand(IdempotencyKey.of("client-7", key), command));
    return result;
  }

  CommandBus withRetries(
      IdempotencyStore keys, JdbcEventStore store, CommandLog commandLog, Clock clock) {
    CommandBus handlers = new SimpleCommandBus(); // runs the handlers
    CommandBus keyed =
        IdempotentCommandBus.builder(handlers, keys)
            .unitOfWork(store.unitOfWork()) // joins the unit below
            .build();
    UnitOfWork attempts =
        new RetryingUnitOfWork(store.unitOfWork(), 5); // the wallet's: retries a lost race
    CommandBus bus = CommandLogger.around(keyed, commandLog, clock, attempts);
    return bus;
  }
}
