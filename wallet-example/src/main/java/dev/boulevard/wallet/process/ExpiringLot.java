package dev.boulevard.wallet.process;

import java.time.Instant;

/**
 * A lot that expires and still holds credits, as the expiry process tracks it.
 *
 * @param lotId the lot's id within its wallet
 * @param remaining the credits it still holds
 * @param expiresAt when it expires
 */
public record ExpiringLot(String lotId, long remaining, Instant expiresAt) {}
