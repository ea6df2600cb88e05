package dev.boulevard.readmodel.inmemory;

import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.OutboxEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Keeps an outbox in memory, owned by one {@link InMemoryReadModelStorage} under a table name, so
 * that a runner started again on the same storage finds the commands the last one left; lost with
 * the process. Thread-safe.
 */
final class InMemoryOutbox implements Outbox {

  private final Map<Long, OutboxEntry> pending = new TreeMap<>();
  private final Map<Long, OutboxEntry> kept = new TreeMap<>();
  private long nextId = 1;

  private static final Comparator<OutboxEntry> BY_DUE =
      Comparator.comparing(OutboxEntry::dueAt).thenComparingLong(OutboxEntry::id);

  @Override
  public synchronized void add(OutboxEntry entry) {
    long id = nextId++;
    pending.put(id, with(entry, id, entry.dueAt(), 0, null));
  }

  @Override
  public synchronized void removeKey(String process, String correlation, String key) {
    pending
        .values()
        .removeIf(
            e ->
                e.process().equals(process)
                    && e.correlation().equals(correlation)
                    && key.equals(e.key()));
  }

  @Override
  public synchronized List<OutboxEntry> due(Instant now, int limit) {
    return pending.values().stream()
        .filter(e -> !e.dueAt().isAfter(now))
        .sorted(BY_DUE)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean claim(OutboxEntry entry, Instant leaseUntil) {
    OutboxEntry current = pending.get(entry.id());
    if (current == null || !current.dueAt().equals(entry.dueAt())) {
      return false;
    }
    pending.put(
        entry.id(),
        with(current, current.id(), leaseUntil, current.attempts(), current.lastError()));
    return true;
  }

  @Override
  public synchronized void delivered(long id) {
    pending.remove(id);
  }

  @Override
  public synchronized void retryLater(long id, int attempts, Instant dueAt, String error) {
    pending.computeIfPresent(id, (i, e) -> with(e, i, dueAt, attempts, Outbox.clip(error)));
  }

  @Override
  public synchronized void keep(long id, int attempts, String error) {
    OutboxEntry entry = pending.remove(id);
    if (entry != null) {
      kept.put(id, with(entry, id, entry.dueAt(), attempts, Outbox.clip(error)));
    }
  }

  @Override
  public synchronized List<OutboxEntry> pending() {
    return pending.values().stream().sorted(BY_DUE).toList();
  }

  @Override
  public synchronized List<OutboxEntry> kept() {
    return List.copyOf(kept.values());
  }

  @Override
  public synchronized boolean release(long id, Instant dueAt) {
    OutboxEntry entry = kept.remove(id);
    if (entry == null) {
      return false;
    }
    pending.put(id, with(entry, id, Objects.requireNonNull(dueAt), 0, entry.lastError()));
    return true;
  }

  private static OutboxEntry with(
      OutboxEntry e, long id, Instant dueAt, int attempts, String lastError) {
    return new OutboxEntry(
        id,
        e.process(),
        e.correlation(),
        e.key(),
        dueAt,
        e.commandType(),
        e.command(),
        e.causation(),
        attempts,
        lastError);
  }
}
