package dev.boulevard.eventdispatcher;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An event dispatcher that calls the listeners synchronously, on the dispatching thread.
 *
 * <p>Thread-safe: listeners may be added while other threads dispatch; a dispatch sees the
 * listeners registered when it started.
 */
public final class SimpleEventDispatcher implements EventDispatcher {

  private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

  /** Creates a dispatcher with no listeners. */
  public SimpleEventDispatcher() {}

  @Override
  public <T> void addListener(Class<T> eventType, Consumer<? super T> listener) {
    registrations.add(
        new Registration<>(
            Objects.requireNonNull(eventType, "eventType"),
            Objects.requireNonNull(listener, "listener")));
  }

  @Override
  public void dispatch(Object event) {
    Objects.requireNonNull(event, "event");
    for (Registration<?> registration : registrations) {
      registration.offer(event);
    }
  }

  private record Registration<T>(Class<T> eventType, Consumer<? super T> listener) {

    void offer(Object event) {
      if (eventType.isInstance(event)) {
        listener.accept(eventType.cast(event));
      }
    }
  }
}
