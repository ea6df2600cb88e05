package dev.boulevard.wallet.app;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Dispatches a command again when it lost the race for its aggregate's next playhead, a few times
 * with a small jittered backoff, then gives up with a {@link WalletBusyException}. The command is
 * handled anew each time, on the aggregate as the winner left it. Thread-safe when the bus is.
 */
public final class RetryingCommandBus implements CommandBus {

  private final CommandBus bus;
  private final int attempts;

  /**
   * Wraps a bus.
   *
   * @param bus the bus that handles the commands
   * @param attempts how many times a command is tried in all, 1 or more
   */
  public RetryingCommandBus(CommandBus bus, int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be 1 or more, not " + attempts);
    }
    this.bus = bus;
    this.attempts = attempts;
  }

  @Override
  public void subscribe(CommandHandler handler) {
    bus.subscribe(handler);
  }

  /** {@return what the attempt that succeeded stored} */
  @Override
  public DispatchResult dispatch(Object command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return bus.dispatch(command);
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
