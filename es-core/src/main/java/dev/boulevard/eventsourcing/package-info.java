/**
 * Event-sourced aggregates: the {@link dev.boulevard.eventsourcing.EventSourcedAggregateRoot} base
 * class and its child entities, and the {@link dev.boulevard.eventsourcing.EventSourcingRepository}
 * that loads them from an event store and saves what they recorded, through stream decorators such
 * as metadata enrichment.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.eventsourcing;

import org.jspecify.annotations.NullMarked;
