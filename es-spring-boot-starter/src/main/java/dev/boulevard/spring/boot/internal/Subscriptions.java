package dev.boulevard.spring.boot.internal;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.eventhandling.EventBus;
import dev.boulevard.eventhandling.EventListener;
import dev.boulevard.readmodel.Projector;
import java.util.Objects;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Subscribes every {@link CommandHandler} bean to the starter's command bus and every {@link
 * EventListener} bean but projectors to its event bus, once every singleton exists: a handler or
 * listener may then depend on the buses (to dispatch follow-up commands) without a cycle. Buses the
 * application declares itself are left alone. Not thread-safe; Spring calls it once.
 */
public final class Subscriptions implements SmartInitializingSingleton {

  /** The name of the starter's command bus bean. */
  public static final String COMMAND_BUS = "boulevardCommandBus";

  /** The name of the starter's event bus bean. */
  public static final String EVENT_BUS = "boulevardEventBus";

  private final ListableBeanFactory beans;

  /**
   * Creates the subscriber.
   *
   * @param beans the context's beans
   */
  public Subscriptions(ListableBeanFactory beans) {
    this.beans = Objects.requireNonNull(beans, "beans");
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (beans.containsBean(COMMAND_BUS)) {
      CommandBus bus = beans.getBean(COMMAND_BUS, CommandBus.class);
      beans.getBeanProvider(CommandHandler.class).orderedStream().forEach(bus::subscribe);
    }
    if (beans.containsBean(EVENT_BUS)) {
      EventBus bus = beans.getBean(EVENT_BUS, EventBus.class);
      beans
          .getBeanProvider(EventListener.class)
          .orderedStream()
          .filter(listener -> !(listener instanceof Projector))
          .forEach(bus::subscribe);
    }
  }
}
