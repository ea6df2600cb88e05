/**
 * Contract suites of snapshotting: every {@link dev.boulevard.snapshotting.SnapshotStore} passes
 * {@link dev.boulevard.snapshotting.contract.SnapshotStoreContract}, and {@link
 * dev.boulevard.snapshotting.contract.SnapshottingRepositoryContract} runs the snapshotting
 * repository on a store's events and snapshots. A store's serializer registers {@link
 * dev.boulevard.eventstore.contract.ContractEvent} and reads {@link
 * dev.boulevard.snapshotting.contract.SnapshotAccount.State}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.snapshotting.contract;
