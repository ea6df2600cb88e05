/**
 * W3C trace context carried in event metadata: {@link dev.boulevard.tracing.TraceContext} is kept
 * per thread while a command is dispatched or an event is handled, and {@link
 * dev.boulevard.tracing.TraceContextEnricher} writes it into the events recorded meanwhile, so that
 * projections and process managers continue the trace of the command that caused their events.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.tracing;

import org.jspecify.annotations.NullMarked;
