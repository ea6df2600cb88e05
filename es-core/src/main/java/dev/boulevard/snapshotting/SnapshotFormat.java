package dev.boulevard.snapshotting;

import java.util.Objects;
import java.util.function.Function;

/**
 * How an aggregate type is snapshotted: the class of its state, the version of that class's stored
 * form, and how the aggregate is recreated from a state.
 *
 * <p>Raise the version whenever the state's class changes in a way that an older snapshot would be
 * misread: snapshots of other versions are then ignored and aggregates rebuilt from their events.
 *
 * <pre>{@code
 * SnapshotFormat.of(AccountState.class, 2, Account::fromSnapshot)
 * }</pre>
 *
 * @param stateType the state's class, the one a stored state is read as
 * @param version the state format's version, 0 or more
 * @param restore recreates a fresh aggregate, with no uncommitted events, in the given state
 * @param <A> the aggregate's type
 * @param <S> the state's type
 */
public record SnapshotFormat<A, S>(
    Class<S> stateType, int version, Function<? super S, ? extends A> restore) {

  /** Checks the fields. */
  public SnapshotFormat {
    Objects.requireNonNull(stateType, "stateType");
    Objects.requireNonNull(restore, "restore");
    if (version < 0) {
      throw new IllegalArgumentException(
          "The snapshot format version of "
              + stateType.getName()
              + " is 0 or more, was "
              + version);
    }
  }

  /**
   * {@return the format of an aggregate's snapshots}
   *
   * @param stateType the state's class
   * @param version the state format's version, 0 or more
   * @param restore recreates a fresh aggregate in the given state
   * @param <A> the aggregate's type
   * @param <S> the state's type
   */
  public static <A, S> SnapshotFormat<A, S> of(
      Class<S> stateType, int version, Function<? super S, ? extends A> restore) {
    return new SnapshotFormat<>(stateType, version, restore);
  }
}
