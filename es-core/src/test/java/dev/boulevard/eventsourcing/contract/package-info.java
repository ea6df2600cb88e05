/**
 * Contract suites of event-sourced repositories: {@link
 * dev.boulevard.eventsourcing.contract.TimeTravelContract} loads aggregates as of a playhead or an
 * instant from a store's events.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.eventsourcing.contract;
