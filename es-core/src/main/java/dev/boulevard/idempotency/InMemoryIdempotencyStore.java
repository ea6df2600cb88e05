package dev.boulevard.idempotency;

import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps idempotency keys in memory, for the in-memory event stores: a key claimed by one thread
 * makes the other threads that claim it wait until the first completes or releases it. The keys
 * live as long as the instance. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

  private final Map<IdempotencyKey, Entry> entries = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryIdempotencyStore() {}

  @Override
  public Optional<StoredDispatch> claim(
      IdempotencyKey key, String fingerprint, Instant now, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(expiresAt, "expiresAt");
    var claim = new Entry(Thread.currentThread(), fingerprint, expiresAt);
    while (true) {
      Entry held = entries.putIfAbsent(key, claim);
      if (held == null) {
        return Optional.empty();
      }
      if (held.owner == Thread.currentThread()) {
        throw new IllegalStateException(
            "The idempotency key " + key + " is claimed already by the dispatch running here");
      }
      if (!held.await()) {
        continue; // released: try to claim it again
      }
      StoredDispatch stored = held.stored(key);
      if (!stored.expiresAt().isAfter(now)) {
        entries.remove(key, held);
        continue; // expired: the key is free
      }
      return Optional.of(stored);
    }
  }

  @Override
  public void complete(IdempotencyKey key, DispatchResult result) {
    Objects.requireNonNull(result, "result");
    ownClaim(key).complete(result);
  }

  @Override
  public void release(IdempotencyKey key) {
    Entry claim = ownClaim(key);
    entries.remove(key, claim);
    claim.release();
  }

  @Override
  public int deleteExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    int deleted = 0;
    for (var entry : entries.entrySet()) {
      Entry held = entry.getValue();
      if (held.isExpired(now) && entries.remove(entry.getKey(), held)) {
        deleted++;
      }
    }
    return deleted;
  }

  private Entry ownClaim(IdempotencyKey key) {
    Entry held = entries.get(Objects.requireNonNull(key, "key"));
    if (held == null || held.owner != Thread.currentThread() || held.isDone()) {
      throw new IllegalStateException(
          "The idempotency key " + key + " is not claimed by the dispatch running here");
    }
    return held;
  }

  /** A key: claimed by a thread until it completes (keeping the result) or releases it. */
  private static final class Entry {
    private final CountDownLatch done = new CountDownLatch(1);
    private final String fingerprint;
    private final Instant expiresAt;
    private volatile Thread owner;
    private volatile DispatchResult result;

    Entry(Thread owner, String fingerprint, Instant expiresAt) {
      this.owner = owner;
      this.fingerprint = fingerprint;
      this.expiresAt = expiresAt;
    }

    void complete(DispatchResult result) {
      this.result = result;
      this.owner = null;
      done.countDown();
    }

    void release() {
      this.owner = null;
      done.countDown();
    }

    boolean isDone() {
      return done.getCount() == 0;
    }

    /** Waits until the claim ends; {@return whether it completed, not released} */
    boolean await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return result != null;
    }

    boolean isExpired(Instant now) {
      return isDone() && result != null && !expiresAt.isAfter(now);
    }

    StoredDispatch stored(IdempotencyKey key) {
      return new StoredDispatch(key, fingerprint, result, expiresAt);
    }
  }
}
