package dev.boulevard.wallet.app;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.StorageFailures;
import dev.boulevard.wallet.domain.WalletCommand;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches wallet commands and says what they did: the wallet's playhead and the global position
 * of the last event recorded.
 *
 * <p>Commands on one wallet take turns within this process (a lock per wallet, striped), so that
 * they do not race each other for a playhead; against other processes the event store's optimistic
 * check decides, and the bus given here retries the loser ({@link RetryingCommandBus}).
 * Thread-safe.
 */
public final class WalletCommands {

  private static final Logger LOG = LoggerFactory.getLogger(WalletCommands.class);

  private final CommandBus bus;
  private final TrackingWalletRepository wallets;
  private final JdbcEventStore store;
  private final ReentrantLock[] stripes = new ReentrantLock[256];

  WalletCommands(CommandBus bus, TrackingWalletRepository wallets, JdbcEventStore store) {
    this.bus = bus;
    this.wallets = wallets;
    this.store = store;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Dispatches a command.
   *
   * @param command the command
   * @return the wallet's playhead and the position of the last event recorded
   * @throws WalletBusyException if other writers kept winning the race for the wallet
   * @throws RuntimeException whatever the domain throws, such as "insufficient credits"
   */
  public CommandResult dispatch(WalletCommand command) {
    ReentrantLock lock = stripes[Math.floorMod(command.userId().hashCode(), stripes.length)];
    lock.lock();
    try {
      wallets.takeTouched(); // nothing left over from an earlier command on this thread
      bus.dispatch(command);
      return result(command.userId());
    } finally {
      wallets.takeTouched();
      lock.unlock();
    }
  }

  private CommandResult result(String userId) {
    var touched = wallets.takeTouched();
    if (touched.isEmpty()) {
      return new CommandResult(userId, -1, null);
    }
    long playhead = touched.get().wallet().playhead();
    if (!touched.get().recorded()) {
      return new CommandResult(userId, playhead, null);
    }
    OptionalLong position;
    try {
      position = store.positionOf(userId, playhead);
    } catch (RuntimeException e) {
      if (!StorageFailures.isTransient(e)) {
        throw e;
      }
      // The events are stored: acknowledge them, without the position the lost connection hid.
      LOG.warn(
          "Recorded {} at playhead {} but could not read its position: {}",
          userId,
          playhead,
          e.toString());
      return new CommandResult(userId, playhead, null);
    }
    return new CommandResult(userId, playhead, position.isPresent() ? position.getAsLong() : null);
  }
}
