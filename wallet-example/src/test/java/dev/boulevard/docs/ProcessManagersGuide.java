package dev.boulevard.docs;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.docs.Orders.CancelOrder;
import dev.boulevard.docs.Orders.OrderPlaced;
import dev.boulevard.docs.Orders.SendConfirmation;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.saga.ProcessAction;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.testing.ProcessManagerScenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/** The samples of docs/process-managers.md. */
final class ProcessManagersGuide {

  void scenario(Instant start) {
    ProcessManagerScenario.of(new PaymentDeadline())
        .withAggregateId("o-1")
        .given(new OrderPlaced("o-1"))
        .thenScheduled(
            new ProcessAction.Schedule(
                "cancel", start.plus(Duration.ofDays(3)), new CancelOrder("o-1")))
        .whenTimePasses(Duration.ofDays(3))
        .thenDispatched(new CancelOrder("o-1"));
  }

  void runtime(JdbcEventStore store, DataSource dataSource, CommandBus commandBus, Clock clock)
      throws Exception {
    var commandTypes =
        EventTypeRegistry.builder()
            .register("orders.cancel", CancelOrder.class) // stored names, not class names
            .register("orders.send_confirmation", SendConfirmation.class)
            .build();
    try (Sagas sagas =
        Sagas.builder(store, JdbcReadModelStorage.create(dataSource), commandBus, commandTypes)
            .add(new PaymentDeadline())
            .tables("order_sagas", "order_outbox") // default: boulevard_sagas, boulevard_outbox
            .clock(clock)
            .build()) {
      sagas.start();
    }
  }
}
