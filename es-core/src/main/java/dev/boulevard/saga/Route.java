package dev.boulevard.saga;

import dev.boulevard.domain.DomainMessage;
import java.util.Optional;

/** The key and handler of one event class, with the casts they need in one place. */
record Route<S, E>(
    Class<E> eventType, CorrelationKey<? super E> key, ProcessHandler<S, ? super E> handler) {

  String correlation(String process, DomainMessage message) {
    String correlation = key.of(eventType.cast(message.payload()), message);
    if (correlation == null || correlation.isEmpty() || correlation.length() > 255) {
      throw new IllegalStateException(
          "Process manager "
              + process
              + " found no valid correlation key (1 to 255 characters) for "
              + eventType.getName()
              + " of aggregate "
              + message.aggregateId()
              + " at playhead "
              + message.playhead()
              + ", got "
              + (correlation == null ? "none" : "'" + correlation + "'"));
    }
    return correlation;
  }

  Reaction<S> react(String process, DomainMessage message, Optional<S> state) {
    String correlation = correlation(process, message);
    var context = new RecordingContext(message, correlation);
    S next = handler.handle(state, eventType.cast(message.payload()), context);
    if (context.ended()) {
      return new Reaction<>(correlation, null, context.actions());
    }
    if (next == null) {
      throw new IllegalStateException(
          "The handler of "
              + eventType.getName()
              + " in process manager "
              + process
              + " returned no state for "
              + correlation
              + " without ending the process; return the state, or call context.end()");
    }
    return new Reaction<>(correlation, next, context.actions());
  }
}
