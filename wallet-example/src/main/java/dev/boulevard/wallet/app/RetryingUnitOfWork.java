package dev.boulevard.wallet.app;

import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.unitofwork.UnitOfWork;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a command's work again, in a fresh unit of work, when it lost the race for its aggregate's
 * next playhead: a few times with a small jittered backoff, then gives up with a {@link
 * WalletBusyException}.
 *
 * <p>Each attempt is a transaction of its own (on PostgreSQL the lost race has aborted the first),
 * handling the command anew on the aggregate as the winner left it; the success is announced, and
 * audited, in the attempt that commits, and a final failure once, by the bus around it. Thread-safe
 * when the unit of work is.
 */
public final class RetryingUnitOfWork implements UnitOfWork {

  private final UnitOfWork unitOfWork;
  private final int attempts;

  /**
   * Wraps a unit of work.
   *
   * @param unitOfWork runs each attempt; it must begin a transaction of its own, not join one
   * @param attempts how many times a command is tried in all, 1 or more
   */
  public RetryingUnitOfWork(UnitOfWork unitOfWork, int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be 1 or more, not " + attempts);
    }
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.attempts = attempts;
  }

  /** {@return what the attempt that committed returned} */
  @Override
  public <T> T run(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return unitOfWork.run(work);
      } catch (DuplicatePlayheadException e) {
        if (attempt == attempts) {
          throw WalletBusyException.afterAttempts(e.aggregateId(), attempts, e);
        }
        backOff(attempt);
      }
    }
  }

  private static void backOff(int attempt) {
    long millis = (2L << attempt) + ThreadLocalRandom.current().nextLong(10);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying a command", e);
    }
  }
}
