/**
 * The reference app's wiring and use cases: options, the database, the event store, the command bus
 * with its audit log, the projections, the commands and the queries, and the demo. Parameters and
 * return values are non-null unless documented otherwise.
 */
package dev.boulevard.wallet.app;
