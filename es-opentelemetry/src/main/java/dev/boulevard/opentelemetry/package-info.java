/**
 * OpenTelemetry spans for Boulevard: {@link dev.boulevard.opentelemetry.BoulevardTracing} wraps a
 * command bus and an event store, and observes projection batches, so that one trace runs from a
 * command to the projections and process managers that handle its events.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.opentelemetry;

import org.jspecify.annotations.NullMarked;
