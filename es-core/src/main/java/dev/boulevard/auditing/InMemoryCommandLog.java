package dev.boulevard.auditing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command log that keeps its entries in memory, for tests and small applications.
 *
 * <p>Thread-safe. It grows without bound, so a long-running application should prefer another log.
 */
public final class InMemoryCommandLog implements CommandLog {

  private final List<CommandLogEntry> entries = new ArrayList<>();

  /** Creates an empty log. */
  public InMemoryCommandLog() {}

  @Override
  public void record(CommandLogEntry entry) {
    Objects.requireNonNull(entry, "entry");
    synchronized (entries) {
      entries.add(entry);
    }
  }

  /** {@return every entry so far, oldest first} */
  public List<CommandLogEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /**
   * {@return at most the given number of the latest entries, newest first}
   *
   * @param limit how many entries at most; 0 or more
   * @throws IllegalArgumentException if the limit is negative
   */
  public List<CommandLogEntry> newest(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException(
          "limit of newest command log entries is negative: " + limit);
    }
    synchronized (entries) {
      var newest = new ArrayList<CommandLogEntry>(Math.min(limit, entries.size()));
      for (int i = entries.size() - 1; i >= 0 && newest.size() < limit; i--) {
        newest.add(entries.get(i));
      }
      return List.copyOf(newest);
    }
  }
}
