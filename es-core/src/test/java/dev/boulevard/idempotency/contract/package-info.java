/**
 * The contract suite of idempotent dispatch: what every {@link
 * dev.boulevard.idempotency.IdempotencyStore}, with the event store whose unit of work it shares,
 * must do.
 */
package dev.boulevard.idempotency.contract;
