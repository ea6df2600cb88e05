package dev.boulevard.snapshotting;

import dev.boulevard.domain.DomainEventStream;
import java.util.Objects;

/** What a {@link TailLoadingSnapshotStore} found of an aggregate: a snapshot and a tail, or all. */
public sealed interface LoadedHistory {

  /**
   * The latest snapshot and the events after it.
   *
   * @param snapshot the snapshot, its state still unread
   * @param tail the events after the snapshot's playhead, in playhead order; may be empty
   */
  record FromSnapshot(StoredSnapshot snapshot, DomainEventStream tail) implements LoadedHistory {

    /** Checks that the tail follows the snapshot. */
    public FromSnapshot {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(tail, "tail");
      if (!tail.isEmpty() && tail.messages().get(0).playhead() <= snapshot.playhead()) {
        throw new IllegalArgumentException(
            "The tail of the snapshot of aggregate '"
                + snapshot.aggregateId()
                + "' at playhead "
                + snapshot.playhead()
                + " starts at playhead "
                + tail.messages().get(0).playhead());
      }
    }
  }

  /**
   * Every event of an aggregate that has no snapshot.
   *
   * @param events the events in playhead order; empty if the aggregate has none
   */
  record FromStart(DomainEventStream events) implements LoadedHistory {

    /** Checks the events. */
    public FromStart {
      Objects.requireNonNull(events, "events");
    }
  }
}
