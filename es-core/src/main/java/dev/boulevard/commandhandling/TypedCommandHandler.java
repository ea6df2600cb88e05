package dev.boulevard.commandhandling;

import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A command handler that routes each command, by its exact class, to the handler registered for
 * that class.
 *
 * <pre>{@code
 * final class AccountCommands extends TypedCommandHandler {
 *   AccountCommands(AggregateRepository<Account> accounts) {
 *     on(Deposit.class, deposit -> ...);
 *     on(Withdraw.class, withdraw -> ...);
 *   }
 * }
 * }</pre>
 *
 * <p>A command of a class with no registered handler is ignored, as in Broadway. Thread-safe: the
 * routes are registered in the constructor and only read afterwards; whether the registered
 * handlers are thread-safe is up to the subclass.
 */
public abstract class TypedCommandHandler implements CommandHandler {

  private final Map<Class<?>, Consumer<Object>> routes = new ConcurrentHashMap<>();

  /** Creates a handler with no routes; the subclass's constructor registers them. */
  protected TypedCommandHandler() {}

  /**
   * Registers the handler for commands of exactly the given class.
   *
   * @param commandType the commands' concrete class
   * @param handler handles a command of that class
   * @param <C> the commands' type
   * @throws IllegalArgumentException if a handler is already registered for the class, or the class
   *     is an interface or abstract, which no command could have as its exact class
   */
  protected final <C> void on(Class<C> commandType, Consumer<? super C> handler) {
    Objects.requireNonNull(commandType, "commandType");
    Objects.requireNonNull(handler, "handler");
    if (commandType.isInterface() || Modifier.isAbstract(commandType.getModifiers())) {
      throw new IllegalArgumentException(
          "Commands are routed by their exact class, so no command would reach a handler for "
              + commandType.getName()
              + "; register its concrete classes instead");
    }
    Consumer<Object> route = command -> handler.accept(commandType.cast(command));
    if (routes.putIfAbsent(commandType, route) != null) {
      throw new IllegalArgumentException(
          "A handler for commands of type " + commandType.getName() + " is already registered");
    }
  }

  /** {@return whether a handler is registered for exactly the given class} */
  @Override
  public final boolean handles(Class<?> commandType) {
    return routes.containsKey(Objects.requireNonNull(commandType, "commandType"));
  }

  /**
   * Hands the command to the handler registered for its exact class, or ignores it if there is
   * none.
   */
  @Override
  public final void handle(Object command) {
    Consumer<Object> route = routes.get(command.getClass());
    if (route != null) {
      route.accept(command);
    }
  }
}
