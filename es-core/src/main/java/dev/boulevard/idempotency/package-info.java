/**
 * Idempotent commands: a command sent with an {@link dev.boulevard.commandhandling.IdempotencyKey},
 * as an {@link dev.boulevard.commandhandling.IdempotentCommand}, is applied once however often it
 * is sent, and every repeat answers what the first dispatch stored.
 *
 * <p>An {@link dev.boulevard.idempotency.IdempotentCommandBus} records each key in the same unit of
 * work as the command's events, through an {@link dev.boulevard.idempotency.IdempotencyStore}: the
 * key is stored if and only if the command's events are. {@link
 * dev.boulevard.idempotency.InMemoryIdempotencyStore} serves the in-memory stores; the JDBC module
 * has a store that shares the event store's transaction.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.idempotency;

import org.jspecify.annotations.NullMarked;
