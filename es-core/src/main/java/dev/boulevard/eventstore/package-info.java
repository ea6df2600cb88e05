/**
 * The event store: per-aggregate streams with optimistic concurrency ({@link
 * dev.boulevard.eventstore.EventStore}), the management API that visits stored events ({@link
 * dev.boulevard.eventstore.EventStoreManagement}) and the global, ordered log that projections tail
 * ({@link dev.boulevard.eventstore.GlobalEventLog}).
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.eventstore;

import org.jspecify.annotations.NullMarked;
