package dev.boulevard.docs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventstore.jdbc.AggregateFactories;
import dev.boulevard.eventstore.jdbc.HistoryVerifier;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.VerificationReport;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.serializer.jackson.JsonEvent;
import java.util.List;
import javax.sql.DataSource;

/** The samples of docs/upcasting.md. */
final class UpcastingGuide {

  JdbcEventStore upcasters(EventTypeRegistry registry, DataSource dataSource) {
    JacksonSerializer serializer =
        JacksonSerializer.builder(registry)
            .currentVersion("account.opened", 3)
            // v1 -> v2: a field renamed
            .upcaster(
                "account.opened",
                1,
                (event, metadata) -> {
                  ObjectNode payload = event.payload();
                  payload.set("owner", payload.remove("name"));
                  return List.of(event.nextVersion(payload));
                })
            // v2 -> v3: a field added; upcasters may read the row's metadata
            .upcaster(
                "account.opened",
                2,
                (event, metadata) ->
                    List.of(
                        event.nextVersion(
                            event
                                .payload()
                                .put("currency", metadata.get("currency").orElse("EUR")))))
            // a renamed type: the old name, read as version 1 of the new one
            .upcaster(
                "cash.paid", 1, (event, metadata) -> List.of(event.renamed("money.deposited", 1)))
            // a split: one stored event read as several
            .upcaster(
                "money.moved",
                1,
                (event, metadata) ->
                    List.of(
                        new JsonEvent("money.deposited", 1, depositOf(event.payload())),
                        new JsonEvent("money.withdrawn", 1, withdrawalOf(event.payload()))))
            .build();
    var store = JdbcEventStore.builder(dataSource, serializer).table("account_events").build();
    return store;
  }

  void verify(DataSource dataSource, Serializer serializer) {
    VerificationReport report =
        HistoryVerifier.builder(dataSource, serializer)
            .table("account_events")
            .aggregates(
                AggregateFactories.all(
                    AggregateFactory.of(BankAccount::new))) // or pick by id / first event, or skip
            .build()
            .verify();
    System.out.println(report.describe());
  }

  private static ObjectNode depositOf(ObjectNode moved) {
    return moved.deepCopy().put("direction", "in");
  }

  private static ObjectNode withdrawalOf(ObjectNode moved) {
    return moved.deepCopy().put("direction", "out");
  }
}
