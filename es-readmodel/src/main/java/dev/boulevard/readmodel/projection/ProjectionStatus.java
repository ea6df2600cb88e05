package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.util.Optional;

/**
 * A snapshot of one tracking projection's progress.
 *
 * @param name the projection's name
 * @param state what it is doing
 * @param checkpoint the checkpoint of the last event its live read models took in
 * @param behind how many positions the log's head is ahead of the checkpoint: 0 when caught up, an
 *     estimate otherwise (positions left by rolled-back appends count)
 * @param lastError the last failure, of the projector or of storage, if any since the start
 * @param parked the event it is parked at, if it is parked
 * @param rebuild the progress of a running rebuild, if one is running
 * @param durable whether the storage keeps the read models, checkpoint and park across restarts;
 *     when false, a restart starts the projection again from the beginning of the log
 * @param lease who runs it, as its lease says; empty before the runner starts
 */
public record ProjectionStatus(
    String name,
    ProjectionState state,
    Checkpoint checkpoint,
    long behind,
    Optional<String> lastError,
    Optional<ParkedEvent> parked,
    Optional<RebuildProgress> rebuild,
    boolean durable,
    Optional<ProjectionLease> lease) {}
