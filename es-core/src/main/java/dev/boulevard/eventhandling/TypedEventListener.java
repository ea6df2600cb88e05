package dev.boulevard.eventhandling;

import dev.boulevard.domain.DomainMessage;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An event listener that routes each message, by its payload's exact class, to the handler
 * registered for that class.
 *
 * <pre>{@code
 * final class BalanceProjector extends TypedEventListener {
 *   BalanceProjector() {
 *     on(Deposited.class, (deposited, message) -> ...);
 *     on(Withdrawn.class, withdrawn -> ...);
 *   }
 * }
 * }</pre>
 *
 * <p>A message whose payload's class has no handler is ignored. Thread-safe: the routes are
 * registered in the constructor and only read afterwards; whether the registered handlers are
 * thread-safe is up to the subclass.
 */
public abstract class TypedEventListener implements EventListener {

  private final Map<Class<?>, BiConsumer<Object, DomainMessage>> routes = new ConcurrentHashMap<>();

  /** Creates a listener with no routes; the subclass's constructor registers them. */
  protected TypedEventListener() {}

  /**
   * Registers the handler for payloads of exactly the given class, given the payload and its
   * message.
   *
   * @param eventType the payloads' concrete class
   * @param handler handles a payload of that class and the message that carries it
   * @param <E> the payloads' type
   * @throws IllegalArgumentException if a handler is already registered for the class, or the class
   *     is an interface or abstract, which no payload could have as its exact class
   */
  protected final <E> void on(Class<E> eventType, BiConsumer<? super E, DomainMessage> handler) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(handler, "handler");
    if (eventType.isInterface() || Modifier.isAbstract(eventType.getModifiers())) {
      throw new IllegalArgumentException(
          "Events are routed by their payload's exact class, so no event would reach a handler for "
              + eventType.getName()
              + "; register its concrete classes instead");
    }
    BiConsumer<Object, DomainMessage> route =
        (payload, message) -> handler.accept(eventType.cast(payload), message);
    if (routes.putIfAbsent(eventType, route) != null) {
      throw new IllegalArgumentException(
          "A handler for events of type " + eventType.getName() + " is already registered");
    }
  }

  /**
   * Registers the handler for payloads of exactly the given class, given the payload only.
   *
   * @param eventType the payloads' concrete class
   * @param handler handles a payload of that class
   * @param <E> the payloads' type
   * @throws IllegalArgumentException if a handler is already registered for the class, or the class
   *     is an interface or abstract
   */
  protected final <E> void on(Class<E> eventType, Consumer<? super E> handler) {
    Objects.requireNonNull(handler, "handler");
    on(eventType, (E payload, DomainMessage message) -> handler.accept(payload));
  }

  /** Hands the message to the handler registered for its payload's exact class, if there is one. */
  @Override
  public final void handle(DomainMessage message) {
    BiConsumer<Object, DomainMessage> route = routes.get(message.payloadType());
    if (route != null) {
      route.accept(message.payload(), message);
    }
  }
}
