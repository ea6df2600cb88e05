/**
 * Contract suites that every event store passes: extend {@link
 * dev.boulevard.eventstore.contract.EventStoreContract}, {@link
 * dev.boulevard.eventstore.contract.EventStoreManagementContract} and {@link
 * dev.boulevard.eventstore.contract.GlobalEventLogContract} in a store's tests and supply a new,
 * empty store for each test.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.eventstore.contract;
