package dev.boulevard.spring.boot.sample;

import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.repository.AggregateRepository;

/** The sample's command handler. */
public final class AccountHandler extends TypedCommandHandler {

  /** Opens an account. */
  public record OpenAccount(String accountId, String owner) {}

  /** Puts money into an account. */
  public record Deposit(String accountId, long amount) {}

  /** Registers the handlers on the accounts' repository. */
  public AccountHandler(AggregateRepository<Account> accounts) {
    on(OpenAccount.class, c -> accounts.save(Account.open(c.accountId(), c.owner())));
    on(
        Deposit.class,
        c -> {
          Account account = accounts.load(c.accountId());
          account.deposit(c.amount());
          accounts.save(account);
        });
  }
}
