package dev.boulevard.docs;

import dev.boulevard.docs.AccountEvent.AccountOpened;
import dev.boulevard.docs.AccountEvent.MoneyDeposited;
import dev.boulevard.docs.AccountEvent.MoneyWithdrawn;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import javax.sql.DataSource;

/** The samples of docs/event-store.md. */
final class EventStoreGuide {

  JdbcEventStore relationalStore(DataSource dataSource) {
    var registry =
        EventTypeRegistry.builder()
            .register(
                "account.opened", AccountOpened.class) // stored names are yours, not class names
            .register("money.deposited", MoneyDeposited.class)
            .register("money.withdrawn", MoneyWithdrawn.class)
            .build();
    JdbcSchema.eventStore(dataSource, "account_events").migrate(); // idempotent, versioned
    var store =
        JdbcEventStore.builder(dataSource, new JacksonSerializer(registry))
            .table(
                "account_events") // one table per aggregate type, if you like; "events" by default
            .build(); // the dialect is detected; .dialect(Dialect.POSTGRESQL) names it
    return store;
  }
}
