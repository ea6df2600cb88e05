package dev.boulevard.snapshotting.contract;

/**
 * A state of another shape than {@link SnapshotAccount.State}, for snapshots that must not be read
 * as one.
 *
 * @param count a number
 */
public record OtherState(int count) {}
