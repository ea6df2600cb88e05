package dev.boulevard.wallet.app;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.commandhandling.IdempotentCommand;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.idempotency.IdempotencyKeyReusedException;
import dev.boulevard.repository.AggregateRepository;
import dev.boulevard.wallet.domain.Wallet;
import dev.boulevard.wallet.domain.WalletCommand;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Dispatches wallet commands and says what they did: the playhead and the global position of the
 * last event recorded, as the dispatch returned them.
 *
 * <p>Commands on one wallet take turns within this process (a lock per wallet, striped), so that
 * they do not race each other for a playhead; against other processes the event store's optimistic
 * check decides, and the bus given here retries the loser ({@link RetryingUnitOfWork}).
 *
 * <p>A command sent with an idempotency key is applied once per key: a repeat answers the first
 * dispatch's result again (the same playhead and position), marked replayed. Thread-safe.
 */
public final class WalletCommands {

  private final CommandBus bus;
  private final AggregateRepository<Wallet> wallets;
  private final ReentrantLock[] stripes = new ReentrantLock[256];

  WalletCommands(CommandBus bus, AggregateRepository<Wallet> wallets) {
    this.bus = bus;
    this.wallets = wallets;
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
      return result(command.userId(), bus.dispatch(command));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Dispatches a command once per idempotency key: the first dispatch of the key runs it, a repeat
   * runs nothing and answers what the first stored. A command that failed stored no key.
   *
   * @param command the command
   * @param key the key the sender gave the command
   * @return the wallet's playhead and the position of the last event the key's command recorded,
   *     and whether this dispatch was a repeat
   * @throws IdempotencyKeyReusedException if the key came with another command before
   * @throws WalletBusyException if other writers kept winning the race for the wallet
   * @throws RuntimeException whatever the domain throws, such as "insufficient credits"
   */
  public IdempotentResult dispatch(WalletCommand command, IdempotencyKey key) {
    ReentrantLock lock = stripes[Math.floorMod(command.userId().hashCode(), stripes.length)];
    lock.lock();
    try {
      DispatchResult dispatched = bus.dispatch(new IdempotentCommand(key, command));
      return new IdempotentResult(result(command.userId(), dispatched), dispatched.replayed());
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@return what a dispatch did to the wallet} A replay answers what the first dispatch stored, so
   * the same as the first answer; but for a command that stored no event (an expiry with nothing to
   * expire) both read the wallet's playhead as it is when they answer, which may have moved between
   * them.
   */
  private CommandResult result(String userId, DispatchResult dispatched) {
    Optional<AppendResult> last = dispatched.lastOf(userId);
    if (last.isPresent()) {
      return new CommandResult(userId, last.get().lastPlayhead(), last.get().position());
    }
    // Rare (an expiry the process recorded first): the wallet's playhead, replayed, no position.
    return new CommandResult(userId, wallets.find(userId).map(Wallet::playhead).orElse(-1L), null);
  }
}
