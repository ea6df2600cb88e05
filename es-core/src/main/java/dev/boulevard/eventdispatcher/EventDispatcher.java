package dev.boulevard.eventdispatcher;

import java.util.function.Consumer;

/** Calls the listeners of an event's type, and of its supertypes, when the event is dispatched. */
public interface EventDispatcher {

  /**
   * Registers a listener for events of the given type, its subclasses and implementations.
   *
   * @param eventType the events' type
   * @param listener called with each such event
   * @param <T> the events' type
   */
  <T> void addListener(Class<T> eventType, Consumer<? super T> listener);

  /**
   * Calls, in registration order, every listener registered for the event's class or a supertype or
   * interface of it; a listener's exception propagates and the later listeners are not called.
   *
   * @param event the event
   */
  void dispatch(Object event);
}
