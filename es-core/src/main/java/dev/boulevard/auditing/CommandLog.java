package dev.boulevard.auditing;

/**
 * Where the audit log's entries go: a logger, memory, a table.
 *
 * <p>Implementations must be thread-safe when commands are dispatched on several threads.
 */
@FunctionalInterface
public interface CommandLog {

  /**
   * Records one command's entry.
   *
   * @param entry the entry
   */
  void record(CommandLogEntry entry);
}
