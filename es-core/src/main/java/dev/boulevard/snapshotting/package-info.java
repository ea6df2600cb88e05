/**
 * Snapshots of event-sourced aggregates: a {@link
 * dev.boulevard.snapshotting.SnapshottingRepository} loads an aggregate from its latest {@link
 * dev.boulevard.snapshotting.Snapshot} and the events after it, and takes a new snapshot when its
 * {@link dev.boulevard.snapshotting.SnapshotPolicy} says so.
 *
 * <p>A snapshot is a cache of the events: one of another state format version, or one that cannot
 * be read, is ignored and the aggregate rebuilt from all its events. Parameters and return values
 * are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.snapshotting;

import org.jspecify.annotations.NullMarked;
