package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.CreditKind.BONUS;
import static dev.boulevard.wallet.domain.CreditKind.REFUND;
import static dev.boulevard.wallet.domain.CreditKind.WALLET;

import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.repository.AggregateRepository;
import dev.boulevard.wallet.domain.WalletCommand.AddBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddRefundCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
import dev.boulevard.wallet.domain.WalletCommand.ExpireCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubRefundCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubWalletCredits;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Handles the eight wallet commands on the wallets of a repository, with the time of a clock.
 *
 * <p>Bad input fails first, with an {@link IllegalArgumentException}; an addition creates the
 * wallet if it does not exist; any other command on a missing wallet fails with a {@link
 * WalletNotFoundException}. A failed command saves nothing. Thread-safe if the repository is.
 */
public final class WalletCommandHandler extends TypedCommandHandler {

  private final AggregateRepository<Wallet> wallets;
  private final Clock clock;

  /**
   * Creates the handler.
   *
   * @param wallets where wallets are loaded from and saved to
   * @param clock the time of every addition, spend and expiry
   */
  public WalletCommandHandler(AggregateRepository<Wallet> wallets, Clock clock) {
    this.wallets = Objects.requireNonNull(wallets, "wallets");
    this.clock = Objects.requireNonNull(clock, "clock");
    on(AddWalletCredits.class, c -> add(c.userId(), WALLET, c.amount()));
    on(AddBonusCredits.class, c -> add(c.userId(), BONUS, c.amount()));
    on(AddRefundCredits.class, c -> add(c.userId(), REFUND, c.amount()));
    on(
        SubWalletCredits.class,
        c -> spend(c.userId(), c.amount(), w -> w.spend(WALLET, c.amount(), clock)));
    on(
        SubBonusCredits.class,
        c -> spend(c.userId(), c.amount(), w -> w.spend(BONUS, c.amount(), clock)));
    on(
        SubRefundCredits.class,
        c -> spend(c.userId(), c.amount(), w -> w.spend(REFUND, c.amount(), clock)));
    on(
        SubCredits.class,
        c -> spend(c.userId(), c.amount(), w -> w.spendAcrossKinds(c.amount(), clock)));
    on(ExpireCredits.class, c -> change(c.userId(), w -> w.expire(clock)));
  }

  private void add(String userId, CreditKind kind, long amount) {
    WalletInput.requireValidUserId(userId);
    WalletInput.requireValidAmount(amount);
    Optional<Wallet> existing = wallets.find(userId);
    Wallet wallet;
    if (existing.isPresent()) {
      wallet = existing.get();
      wallet.add(kind, amount, clock);
    } else {
      wallet = Wallet.create(userId, kind, amount, clock);
    }
    wallets.save(wallet);
  }

  private void spend(String userId, long amount, Consumer<Wallet> decision) {
    WalletInput.requireValidUserId(userId);
    WalletInput.requireValidAmount(amount);
    change(userId, decision);
  }

  private void change(String userId, Consumer<Wallet> decision) {
    WalletInput.requireValidUserId(userId);
    Wallet wallet = wallets.find(userId).orElseThrow(() -> WalletNotFoundException.forUser(userId));
    decision.accept(wallet);
    wallets.save(wallet);
  }
}
