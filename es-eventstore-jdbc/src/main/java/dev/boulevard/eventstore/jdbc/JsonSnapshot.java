package dev.boulevard.eventstore.jdbc;

import dev.boulevard.serializer.SerializationException;
import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotSerializer;
import dev.boulevard.snapshotting.StoredSnapshot;
import dev.boulevard.snapshotting.UnreadableSnapshotException;

/** A snapshot read from its table, its state still JSON until the caller names the class. */
final class JsonSnapshot implements StoredSnapshot {

  private final String aggregateId;
  private final long playhead;
  private final int version;
  private final String json;
  private final SnapshotSerializer serializer;

  JsonSnapshot(
      String aggregateId, long playhead, int version, String json, SnapshotSerializer serializer) {
    this.aggregateId = aggregateId;
    this.playhead = playhead;
    this.version = version;
    this.json = json;
    this.serializer = serializer;
  }

  @Override
  public String aggregateId() {
    return aggregateId;
  }

  @Override
  public long playhead() {
    return playhead;
  }

  @Override
  public int version() {
    return version;
  }

  @Override
  public <S> Snapshot<S> read(Class<S> stateType) {
    S state;
    try {
      state = serializer.deserialize(json, stateType);
    } catch (SerializationException e) {
      // The serializer's own message speaks of events; Jackson's says what did not fit.
      throw UnreadableSnapshotException.dueTo(
          this, stateType, e.getCause() == null ? e : e.getCause());
    }
    return new Snapshot<>(aggregateId, playhead, version, state);
  }

  @Override
  public String toString() {
    return "JsonSnapshot[aggregateId="
        + aggregateId
        + ", playhead="
        + playhead
        + ", version="
        + version
        + "]";
  }
}
