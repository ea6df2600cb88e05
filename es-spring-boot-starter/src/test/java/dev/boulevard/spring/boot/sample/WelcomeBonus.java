package dev.boulevard.spring.boot.sample;

import dev.boulevard.saga.CorrelationKey;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.spring.boot.sample.AccountEvent.AccountOpened;
import dev.boulevard.spring.boot.sample.AccountHandler.Deposit;

/** The sample's process manager: puts a welcome bonus into each new account. */
public final class WelcomeBonus extends ProcessManager<WelcomeBonus.Welcomed> {

  /** The bonus. */
  public static final long BONUS = 10;

  /** The state: the account that was welcomed. */
  public record Welcomed(String accountId) {}

  /** Registers the handler. */
  public WelcomeBonus() {
    super("welcome_bonus", Welcomed.class);
    on(
        AccountOpened.class,
        CorrelationKey.aggregateId(),
        (state, opened, context) -> {
          context.dispatch(new Deposit(opened.accountId(), BONUS));
          context.end();
          return new Welcomed(opened.accountId());
        });
  }
}
