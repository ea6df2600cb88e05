package dev.boulevard.spring.boot.sample;

import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import dev.boulevard.spring.boot.sample.AccountEvent.AccountOpened;
import dev.boulevard.spring.boot.sample.AccountEvent.MoneyDeposited;

/** The sample's aggregate: an account that money is put into. */
public final class Account extends EventSourcedAggregateRoot<AccountEvent> {

  private String id;

  /** Creates a blank account, to replay. */
  public Account() {
    super(AccountEvent.class);
  }

  /** {@return a new account} */
  static Account open(String id, String owner) {
    Account account = new Account();
    account.apply(new AccountOpened(id, owner));
    return account;
  }

  void deposit(long amount) {
    if (amount <= 0) {
      throw new IllegalArgumentException("A deposit is positive, was " + amount);
    }
    apply(new MoneyDeposited(id, amount));
  }

  @Override
  public String aggregateId() {
    return id;
  }

  @Override
  protected void when(AccountEvent event) {
    if (event instanceof AccountOpened opened) {
      id = opened.accountId();
    }
  }
}
