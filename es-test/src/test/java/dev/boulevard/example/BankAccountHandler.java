package dev.boulevard.example;

import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.repository.AggregateRepository;

/** Handles the bank account's commands. */
public final class BankAccountHandler extends TypedCommandHandler {

  /** An order to open an account. */
  public record OpenAccount(String accountId) {}

  /** An order to deposit money. */
  public record Deposit(String accountId, long amount) {}

  /** An order to withdraw money. */
  public record Withdraw(String accountId, long amount) {}

  /** Handles the account commands with the given repository. */
  public BankAccountHandler(AggregateRepository<BankAccount> accounts) {
    on(OpenAccount.class, c -> accounts.save(BankAccount.open(c.accountId())));
    on(
        Deposit.class,
        c -> {
          BankAccount account = accounts.load(c.accountId());
          account.deposit(c.amount());
          accounts.save(account);
        });
    on(
        Withdraw.class,
        c -> {
          BankAccount account = accounts.load(c.accountId());
          account.withdraw(c.amount());
          accounts.save(account);
        });
  }
}
