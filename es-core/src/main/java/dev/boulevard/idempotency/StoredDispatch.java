package dev.boulevard.idempotency;

import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A dispatch that an {@link IdempotencyStore} keeps under its key.
 *
 * @param key the key
 * @param fingerprint the SHA-256, in hex, of the fingerprint of the command that the key was first
 *     sent with
 * @param result what that dispatch stored
 * @param expiresAt from when the store may forget the key
 */
public record StoredDispatch(
    IdempotencyKey key, String fingerprint, DispatchResult result, Instant expiresAt) {

  /** Rejects nulls. */
  public StoredDispatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
