package dev.boulevard.example;

import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import dev.boulevard.example.AccountEvent.AccountOpened;
import dev.boulevard.example.AccountEvent.MoneyDeposited;
import dev.boulevard.example.AccountEvent.MoneyWithdrawn;

/** A bank account that refuses withdrawals its balance does not cover. */
public final class BankAccount extends EventSourcedAggregateRoot<AccountEvent> {

  private String id;
  private long balance;

  /** A blank account, for replaying history. */
  public BankAccount() {
    super(AccountEvent.class);
  }

  /** Opens an account. */
  public static BankAccount open(String id) {
    var account = new BankAccount();
    account.apply(new AccountOpened(id));
    return account;
  }

  /** Withdraws money, if the balance covers it. */
  public void withdraw(long amount) {
    if (amount > balance) {
      throw new IllegalStateException("insufficient funds in " + id);
    }
    apply(new MoneyWithdrawn(id, amount));
  }

  /** Deposits money. */
  public void deposit(long amount) {
    apply(new MoneyDeposited(id, amount));
  }

  @Override
  public String aggregateId() {
    return id;
  }

  @Override
  protected void when(AccountEvent event) {
    if (event instanceof AccountOpened e) {
      id = e.accountId();
    } else if (event instanceof MoneyDeposited e) {
      balance += e.amount();
    } else if (event instanceof MoneyWithdrawn e) {
      balance -= e.amount();
    }
  }
}
