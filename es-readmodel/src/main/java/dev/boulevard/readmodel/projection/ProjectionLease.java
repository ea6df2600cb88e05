package dev.boulevard.readmodel.projection;

import java.time.Instant;
import java.util.Optional;

/**
 * Who runs a projection, as its lease in the projection store says: one runner of a fleet at a
 * time, which renews the lease while it runs.
 *
 * @param owner the runner that holds the lease, or empty if it was released or never taken
 * @param epoch how many times it was taken; each take refuses the batches of earlier holders
 * @param expiresAt when it lapses unless renewed, by the store's clock
 * @param expired whether it has lapsed, by the store's clock: another runner may take it
 * @param heldHere whether this runner holds it
 */
public record ProjectionLease(
    Optional<String> owner, long epoch, Instant expiresAt, boolean expired, boolean heldHere) {}
