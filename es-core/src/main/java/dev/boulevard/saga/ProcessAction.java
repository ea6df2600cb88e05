package dev.boulevard.saga;

import java.time.Instant;
import java.util.Objects;

/** One thing a process manager decided while it handled an event, in the order it decided it. */
public sealed interface ProcessAction {

  /**
   * A command to dispatch at once.
   *
   * @param command the command
   */
  record Dispatch(Object command) implements ProcessAction {
    /** Rejects null. */
    public Dispatch {
      Objects.requireNonNull(command, "command");
    }
  }

  /**
   * A command due at an instant, replacing the one scheduled under the same key.
   *
   * @param key the deadline's name within its process
   * @param dueAt when it is due
   * @param command the command
   */
  record Schedule(String key, Instant dueAt, Object command) implements ProcessAction {
    /** Rejects nulls and keys that are empty or longer than 255 characters. */
    public Schedule {
      Cancel.checkKey(key);
      Objects.requireNonNull(dueAt, "dueAt");
      Objects.requireNonNull(command, "command");
    }
  }

  /**
   * The cancellation of the command scheduled under a key.
   *
   * @param key the deadline's name within its process
   */
  record Cancel(String key) implements ProcessAction {
    /** Rejects null and keys that are empty or longer than 255 characters. */
    public Cancel {
      checkKey(key);
    }

    static void checkKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isEmpty() || key.length() > 255) {
        throw new IllegalArgumentException(
            "A deadline key is 1 to 255 characters, got " + key.length() + ": '" + key + "'");
      }
    }
  }
}
