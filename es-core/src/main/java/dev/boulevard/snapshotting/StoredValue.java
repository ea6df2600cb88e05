package dev.boulevard.snapshotting;

/** A stored snapshot whose state is the saved value itself, read by a checked cast. */
record StoredValue(Snapshot<?> snapshot) implements StoredSnapshot {

  @Override
  public String aggregateId() {
    return snapshot.aggregateId();
  }

  @Override
  public long playhead() {
    return snapshot.playhead();
  }

  @Override
  public int version() {
    return snapshot.version();
  }

  @Override
  public <S> Snapshot<S> read(Class<S> stateType) {
    Object state = snapshot.state();
    if (!stateType.isInstance(state)) {
      throw UnreadableSnapshotException.dueTo(
          this,
          stateType,
          new ClassCastException(
              "the state is a " + state.getClass().getName() + ", not a " + stateType.getName()));
    }
    return new Snapshot<>(aggregateId(), playhead(), version(), stateType.cast(state));
  }
}
