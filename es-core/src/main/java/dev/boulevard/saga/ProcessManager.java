package dev.boulevard.saga;

import dev.boulevard.domain.DomainMessage;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A process manager (saga): keeps a state per correlation and reacts to events by dispatching
 * commands, now or at a deadline. It only decides; a runtime stores its state and delivers its
 * commands.
 *
 * <pre>{@code
 * final class PaymentDeadline extends ProcessManager<Pending> {
 *   PaymentDeadline() {
 *     super("payment_deadline", Pending.class);
 *     on(OrderPlaced.class, CorrelationKey.aggregateId(), (state, placed, context) -> {
 *       context.schedule("cancel", placed.placedAt().plus(Duration.ofDays(1)),
 *           new CancelOrder(placed.orderId()));
 *       return new Pending(placed.orderId());
 *     });
 *     on(OrderPaid.class, CorrelationKey.aggregateId(), (state, paid, context) -> {
 *       context.cancel("cancel");
 *       context.end();
 *       return null;
 *     });
 *   }
 * }
 * }</pre>
 *
 * <p>Handlers are routed by the event's exact class, as {@link
 * dev.boulevard.eventhandling.TypedEventListener} routes them; events of other classes are ignored.
 * A handler must depend only on its state, its event and the event's message (not on a clock: use
 * the message's instant), so that it decides the same again if a failure makes the runtime retry
 * it. Thread-safe once constructed.
 *
 * @param <S> the state's type: a plain value such as a record, which runtimes store as JSON
 */
public abstract class ProcessManager<S> {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");

  private final String name;
  private final Class<S> stateType;
  private final Map<Class<?>, Route<S, ?>> routes = new ConcurrentHashMap<>();

  /**
   * Creates a process manager with no handlers; the subclass's constructor registers them.
   *
   * @param name its name, which runtimes store its state and commands under: 1 to 32 letters,
   *     digits or underscores, not starting with a digit
   * @param stateType the class of its state
   * @throws IllegalArgumentException if the name is not valid
   */
  protected ProcessManager(String name, Class<S> stateType) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A process manager's name is 1 to 32 letters, digits or underscores, not starting with"
              + " a digit; got '"
              + name
              + "'");
    }
    this.name = name;
    this.stateType = Objects.requireNonNull(stateType, "stateType");
  }

  /**
   * Registers the handler of events of exactly one class.
   *
   * @param eventType the events' concrete class
   * @param key which process an event belongs to
   * @param handler handles an event given its process's state
   * @param <E> the events' type
   * @throws IllegalArgumentException if the class is abstract or an interface, or already has a
   *     handler
   */
  protected final <E> void on(
      Class<E> eventType, CorrelationKey<? super E> key, ProcessHandler<S, ? super E> handler) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(handler, "handler");
    if (eventType.isInterface() || Modifier.isAbstract(eventType.getModifiers())) {
      throw new IllegalArgumentException(
          "Events are routed by their exact class, so no event would reach a handler for "
              + eventType.getName()
              + "; register its concrete classes instead");
    }
    if (routes.putIfAbsent(eventType, new Route<>(eventType, key, handler)) != null) {
      throw new IllegalArgumentException(
          "Process manager " + name + " already has a handler for " + eventType.getName());
    }
  }

  /** {@return the process manager's name} */
  public final String name() {
    return name;
  }

  /** {@return the class of its state} */
  public final Class<S> stateType() {
    return stateType;
  }

  /** {@return the event classes it handles} */
  public final Set<Class<?>> eventTypes() {
    return Set.copyOf(routes.keySet());
  }

  /**
   * Finds the process an event belongs to.
   *
   * @param message the event's message
   * @return the correlation key, or empty if this process manager does not handle the event's class
   * @throws IllegalStateException if the key of a handled event is missing, empty or longer than
   *     255 characters
   */
  public final Optional<String> correlationOf(DomainMessage message) {
    Route<S, ?> route = routes.get(message.payloadType());
    return route == null ? Optional.empty() : Optional.of(route.correlation(name, message));
  }

  /**
   * Lets the handler of an event decide, given its process's state.
   *
   * @param message the event's message
   * @param state the process's current state; empty if it has none
   * @return what the handler decided
   * @throws IllegalArgumentException if this process manager does not handle the event's class
   * @throws IllegalStateException if the event has no valid key, or the handler returned null
   *     without ending the process
   */
  public final Reaction<S> react(DomainMessage message, Optional<S> state) {
    Route<S, ?> route = routes.get(message.payloadType());
    if (route == null) {
      throw new IllegalArgumentException(
          "Process manager " + name + " has no handler for " + message.payloadType().getName());
    }
    return route.react(name, message, Objects.requireNonNull(state, "state"));
  }
}
