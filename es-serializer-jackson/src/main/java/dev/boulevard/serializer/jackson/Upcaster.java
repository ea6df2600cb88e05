package dev.boulevard.serializer.jackson;

import dev.boulevard.domain.Metadata;
import java.util.List;

/**
 * Turns a stored event of one type and version into the next form: a newer version of the same
 * type, another type (a rename), or several events (a split).
 *
 * <p>Registered on a {@link JacksonSerializerBuilder} for one (type, version); the serializer
 * chains upcasters until each event reaches the current version of a registered type. Upcasters
 * work on the stored JSON, so that no class of an old version needs to stay in the code. They run
 * wherever the JDBC store reads events: loading aggregates, visiting events, the global log and
 * every projection or rebuild that reads it. The in-memory store keeps objects, not JSON, and
 * upcasts nothing.
 *
 * <pre>{@code
 * Upcaster addCurrency = (event, metadata) ->
 *     List.of(event.nextVersion(event.payload().put("currency", "EUR")));
 * }</pre>
 */
@FunctionalInterface
public interface Upcaster {

  /**
   * Upcasts one event.
   *
   * @param event the event, of the type and version this upcaster is registered for
   * @param metadata the stored row's metadata, read-only; every resulting event keeps it
   * @return one event, or several for a split, in the order they are to be applied; never empty
   */
  List<JsonEvent> upcast(JsonEvent event, Metadata metadata);
}
