package dev.boulevard.saga;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a process manager decided about one event: its process's new state, or that it ended, and
 * the commands to dispatch, schedule or cancel, in order. Immutable.
 *
 * @param <S> the state's type
 */
public final class Reaction<S> {

  private final String correlation;
  private final @Nullable S state; // null once ended
  private final List<ProcessAction> actions;

  Reaction(String correlation, @Nullable S state, List<ProcessAction> actions) {
    this.correlation = Objects.requireNonNull(correlation, "correlation");
    this.state = state;
    this.actions = List.copyOf(actions);
  }

  /** {@return the correlation key of the process} */
  public String correlation() {
    return correlation;
  }

  /** {@return the state to store, or empty if the process ended and its state is to be removed} */
  public Optional<S> state() {
    return Optional.ofNullable(state);
  }

  /** {@return whether the process ended} */
  public boolean ended() {
    return state == null;
  }

  /** {@return what to dispatch, schedule and cancel, in the order the handler decided it} */
  public List<ProcessAction> actions() {
    return actions;
  }

  @Override
  public String toString() {
    return "Reaction[" + correlation + ": " + (ended() ? "ended" : state) + ", " + actions + "]";
  }
}
