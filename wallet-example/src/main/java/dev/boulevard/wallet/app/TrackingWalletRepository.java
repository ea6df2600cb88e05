package dev.boulevard.wallet.app;

import dev.boulevard.repository.AggregateRepository;
import dev.boulevard.wallet.domain.Wallet;
import java.util.Optional;

/**
 * A wallet repository that remembers, per thread, the last wallet a command loaded or saved, so
 * that the app can answer with the wallet's playhead without loading it again. Thread-safe.
 */
final class TrackingWalletRepository implements AggregateRepository<Wallet> {

  /** The last wallet a command touched on this thread, and whether it recorded events. */
  record Touched(Wallet wallet, boolean recorded) {}

  private final AggregateRepository<Wallet> wallets;
  private final ThreadLocal<Touched> touched = new ThreadLocal<>();

  TrackingWalletRepository(AggregateRepository<Wallet> wallets) {
    this.wallets = wallets;
  }

  @Override
  public Wallet load(String aggregateId) {
    return remember(wallets.load(aggregateId));
  }

  @Override
  public Optional<Wallet> find(String aggregateId) {
    return wallets.find(aggregateId).map(this::remember);
  }

  @Override
  public void save(Wallet wallet) {
    boolean recorded = !wallet.uncommittedEvents().isEmpty();
    wallets.save(wallet);
    Touched before = touched.get();
    touched.set(new Touched(wallet, recorded || (before != null && before.recorded())));
  }

  /** {@return what the current command touched on this thread, and forgets it} */
  Optional<Touched> takeTouched() {
    Touched last = touched.get();
    touched.remove();
    return Optional.ofNullable(last);
  }

  private Wallet remember(Wallet wallet) {
    touched.set(new Touched(wallet, false));
    return wallet;
  }
}
