package dev.boulevard.idempotency;

import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Where an {@link IdempotentCommandBus} keeps the keys of the dispatches that committed, with what
 * each stored: the service provider interface that each store implements.
 *
 * <p>The bus calls {@link #claim}, then, if it got the key, runs the command and calls {@link
 * #complete}, all inside one unit of work of the event store's; a store with transactions writes in
 * that unit, so that a key commits exactly when the command's events do. When the command fails,
 * the bus calls {@link #release} before the unit rolls back.
 *
 * <p>Implementations are thread-safe.
 */
public interface IdempotencyStore {

  /**
   * Claims a key for a dispatch, or finds the committed dispatch that holds it.
   *
   * <p>While another dispatch holds the key and has not committed or rolled back, this waits for
   * it: a key it committed is returned, a key it released is claimed. A key past its expiry counts
   * as absent and is claimed anew.
   *
   * @param key the key
   * @param fingerprint the SHA-256, in hex (64 characters), of the fingerprint of the command sent
   *     with it
   * @param now the current time, to compare expiries with
   * @param expiresAt when the key expires if this dispatch claims it
   * @return the committed dispatch that holds the key, or empty if this dispatch claimed it
   */
  Optional<StoredDispatch> claim(
      IdempotencyKey key, String fingerprint, Instant now, Instant expiresAt);

  /**
   * Records what the dispatch that claimed the key stored, in the same unit of work as its claim.
   *
   * @param key a key this thread claimed
   * @param result what the dispatch stored
   */
  void complete(IdempotencyKey key, DispatchResult result);

  /**
   * Gives up a claim whose dispatch failed, so that the key stays free: a store whose unit of work
   * rolls the claim back does nothing here.
   *
   * @param key a key this thread claimed
   */
  void release(IdempotencyKey key);

  /**
   * Deletes the keys that expired before the given time: a clean-up, which the guarantees inside
   * the expiry window never depend on.
   *
   * @param now the current time
   * @return how many keys it deleted
   */
  int deleteExpired(Instant now);
}
