/**
 * An event store in memory, {@link dev.boulevard.eventstore.inmemory.InMemoryEventStore}: fast and
 * thread-safe, for tests and small applications, and {@link
 * dev.boulevard.eventstore.inmemory.InMemorySnapshotStore} for its aggregates' snapshots.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.eventstore.inmemory;

import org.jspecify.annotations.NullMarked;
