package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.spi.ModelChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write-behind caching of one generation's repositories while a batch runs in a storage
 * transaction: a projector that finds and saves the same model for many events of a batch reads it
 * once and writes its last state once, just before the checkpoint moves in the same transaction.
 *
 * <p>Only the thread running the batch sees the cache; any other thread, and the batch's thread
 * outside a batch, goes straight to the storage. {@code findBy} and {@code findAll} write the
 * pending models first, so that the storage answers them with the batch's own writes. A model found
 * in a batch is the same instance for the rest of the batch, so a projector must save what it
 * changes, as it must anyway. Used only on transactional storage, where a rolled-back batch leaves
 * nothing behind either way.
 */
final class BatchCache {

  private final Map<String, Caching<?>> repositories = new ConcurrentHashMap<>();
  private volatile Thread batchThread;

  /** {@return the repository, cached while a batch runs} */
  @SuppressWarnings("unchecked") // one stored name, one declared type: checked by ProjectionModels
  <T extends ReadModel> ReadModelRepository<T> wrap(
      String storedName, ReadModelRepository<T> repository) {
    return (ReadModelRepository<T>)
        repositories.computeIfAbsent(storedName, name -> new Caching<>(repository));
  }

  /** Starts caching on the current thread. */
  void begin() {
    batchThread = Thread.currentThread();
  }

  /** Writes every pending model to the storage, in the batch's transaction. */
  void flush() {
    repositories.values().forEach(Caching::flush);
  }

  /** Stops caching and forgets what was cached, written or not. */
  void end() {
    batchThread = null;
    repositories.values().forEach(Caching::clear);
  }

  private boolean active() {
    return batchThread == Thread.currentThread();
  }

  /** A repository in front of the storage's; entries hold a model, or null for none. */
  private final class Caching<T extends ReadModel> implements ReadModelRepository<T> {
    private final ReadModelRepository<T> storage;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>(); // the batch thread's only

    Caching(ReadModelRepository<T> storage) {
      this.storage = storage;
    }

    @Override
    public void save(T model) {
      if (!active()) {
        storage.save(model);
        return;
      }
      String id = ModelChecks.requireSavable(model);
      entries.put(id, new Entry<>(model, true));
    }

    @Override
    public Optional<T> find(String id) {
      if (!active()) {
        return storage.find(id);
      }
      ModelChecks.requireId(id);
      Entry<T> entry = entries.get(id);
      if (entry != null) {
        return Optional.ofNullable(entry.model());
      }
      Optional<T> found = storage.find(id);
      entries.put(id, new Entry<>(found.orElse(null), false));
      return found;
    }

    @Override
    public void remove(String id) {
      if (!active()) {
        storage.remove(id);
        return;
      }
      ModelChecks.requireId(id);
      entries.put(id, new Entry<>(null, true));
    }

    @Override
    public List<T> findBy(Map<String, ?> fields) {
      flushIfActive();
      return storage.findBy(fields);
    }

    @Override
    public List<T> findAll() {
      flushIfActive();
      return storage.findAll();
    }

    @Override
    public void transferTo(ReadModelRepository<T> other) {
      flushIfActive();
      storage.transferTo(other);
    }

    private void flushIfActive() {
      if (active()) {
        flush();
      }
    }

    void flush() {
      for (var pending : entries.entrySet()) {
        Entry<T> entry = pending.getValue();
        if (entry.dirty()) {
          if (entry.model() == null) {
            storage.remove(pending.getKey());
          } else {
            storage.save(entry.model());
          }
          pending.setValue(new Entry<>(entry.model(), false));
        }
      }
    }

    void clear() {
      entries.clear();
    }
  }

  /** A cached model, or null for none, and whether the storage still lacks it. */
  private record Entry<T>(T model, boolean dirty) {}
}
