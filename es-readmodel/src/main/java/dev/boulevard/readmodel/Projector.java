package dev.boulevard.readmodel;

import dev.boulevard.eventhandling.TypedEventListener;

/**
 * Writes read models from events: a listener whose handlers are registered by event class and
 * receive the event and its {@link dev.boulevard.domain.DomainMessage} (metadata, playhead,
 * recorded-on).
 *
 * <pre>{@code
 * final class CreditsProjector extends Projector {
 *   CreditsProjector(ReadModelRepository<Credits> credits) {
 *     on(CreditsAdded.class, (added, message) ->
 *         credits.save(credits.find(message.aggregateId()).orElseGet(...).plus(added.amount())));
 *   }
 * }
 * }</pre>
 *
 * <p>Events without a handler are ignored. A projector run by a tracking projection sees each event
 * once, in the global log's order, from one thread at a time; handlers must not depend on anything
 * but the event, its message and the read models, so that a rebuild ends in the same state.
 */
public abstract class Projector extends TypedEventListener {

  /** Creates a projector with no handlers; the subclass's constructor registers them. */
  protected Projector() {}
}
