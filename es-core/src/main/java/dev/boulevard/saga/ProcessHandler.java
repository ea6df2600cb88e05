package dev.boulevard.saga;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Handles one event of a process: decides through the context what to dispatch, schedule or cancel,
 * and returns the process's new state.
 *
 * @param <S> the state's type, a plain value such as a record
 * @param <E> the event's type
 */
@FunctionalInterface
public interface ProcessHandler<S, E> {

  /**
   * Handles an event.
   *
   * @param state the process's current state; empty if the correlation has no process yet
   * @param event the event
   * @param context where the handler dispatches, schedules, cancels and ends
   * @return the new state, which is stored; ignored, and may be null, once {@link
   *     ProcessContext#end()} was called
   */
  @Nullable S handle(Optional<S> state, E event, ProcessContext context);
}
