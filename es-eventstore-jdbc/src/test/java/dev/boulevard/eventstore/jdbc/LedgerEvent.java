package dev.boulevard.eventstore.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.serializer.jackson.JsonEvent;
import java.util.List;

/**
 * The events of the upcasting tests, in their current form, and the serializer that reads every
 * older form: a type over three versions, a renamed type and a split type.
 */
sealed interface LedgerEvent {

  /** {@return the ledger's id} */
  String ledger();

  /**
   * Version 3. Version 1 was {@code {"ledger","name"}}; version 2 renamed {@code name} to {@code
   * owner}; version 3 added {@code currency}, EUR for every older ledger.
   */
  record Opened(String ledger, String owner, String currency) implements LedgerEvent {}

  /** Stored as {@code ledger.deposited}; older releases stored {@code cash.paid} with cents. */
  record Deposited(String ledger, long amount) implements LedgerEvent {}

  /** Money taken out. */
  record Withdrawn(String ledger, long amount) implements LedgerEvent {}

  EventTypeRegistry REGISTRY =
      EventTypeRegistry.builder()
          .register("ledger.opened", Opened.class)
          .register("ledger.deposited", Deposited.class)
          .register("ledger.withdrawn", Withdrawn.class)
          .build();

  /**
   * Reads every older form: {@code ledger.opened} v1 and v2, {@code cash.paid} v1 (renamed), and
   * {@code ledger.moved} v1 {@code {"ledger","in","out"}}, split into a deposit and a withdrawal.
   */
  JacksonSerializer SERIALIZER =
      JacksonSerializer.builder(REGISTRY)
          .currentVersion("ledger.opened", 3)
          .upcaster(
              "ledger.opened",
              1,
              (event, metadata) -> {
                ObjectNode payload = event.payload();
                payload.set("owner", payload.remove("name"));
                return List.of(event.nextVersion(payload));
              })
          .upcaster(
              "ledger.opened",
              2,
              (event, metadata) ->
                  List.of(
                      event.nextVersion(
                          event.payload().put("currency", metadata.get("currency").orElse("EUR")))))
          .upcaster(
              "cash.paid",
              1,
              (event, metadata) -> {
                ObjectNode payload = event.payload();
                payload.set("amount", payload.remove("cents"));
                return List.of(event.renamed("ledger.deposited", 1));
              })
          .upcaster(
              "ledger.moved",
              1,
              (event, metadata) -> {
                ObjectNode payload = event.payload();
                String ledger = payload.get("ledger").asText();
                ObjectNode in = payload.objectNode().put("ledger", ledger);
                ObjectNode out = payload.objectNode().put("ledger", ledger);
                in.set("amount", payload.get("in"));
                out.set("amount", payload.get("out"));
                return List.of(
                    new JsonEvent("ledger.deposited", 1, in),
                    new JsonEvent("ledger.withdrawn", 1, out));
              })
          .build();
}
