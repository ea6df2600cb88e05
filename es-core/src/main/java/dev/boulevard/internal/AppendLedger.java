package dev.boulevard.internal;

import dev.boulevard.eventstore.AppendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects, per thread, what repositories append while a command bus runs a command, so that the
 * dispatch can return it; a ledger opened inside another hands its appends on to it when it closes.
 */
public final class AppendLedger {

  private static final ThreadLocal<AppendLedger> CURRENT = new ThreadLocal<>();

  private final AppendLedger enclosing; // null when this is the outermost
  private final List<AppendResult> appends = new ArrayList<>();

  private AppendLedger(AppendLedger enclosing) {
    this.enclosing = enclosing;
  }

  /**
   * Runs work with a ledger of its own open on this thread.
   *
   * @param work the work, such as handing a command to its handlers
   * @return what was appended meanwhile, in order
   */
  public static List<AppendResult> collect(Runnable work) {
    Objects.requireNonNull(work, "work");
    var ledger = new AppendLedger(CURRENT.get());
    CURRENT.set(ledger);
    try {
      work.run();
    } finally {
      ledger.close();
    }
    return List.copyOf(ledger.appends);
  }

  /** Notes an append in the ledger open on this thread; does nothing if none is open. */
  public static void record(AppendResult append) {
    Objects.requireNonNull(append, "append");
    AppendLedger ledger = CURRENT.get();
    if (ledger != null && !append.isEmpty()) {
      ledger.appends.add(append);
    }
  }

  private void close() {
    if (enclosing == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(enclosing);
      enclosing.appends.addAll(appends);
    }
  }
}
