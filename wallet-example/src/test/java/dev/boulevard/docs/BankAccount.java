package dev.boulevard.docs;

import dev.boulevard.docs.AccountEvent.AccountOpened;
import dev.boulevard.docs.AccountEvent.MoneyDeposited;
import dev.boulevard.docs.AccountEvent.MoneyWithdrawn;
import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import dev.boulevard.snapshotting.Snapshottable;

/** The README's bank account, with the two methods docs/snapshots.md adds to it. */
public final class BankAccount extends EventSourcedAggregateRoot<AccountEvent>
    implements Snapshottable<AccountState> {

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

  @Override
  public AccountState snapshotState() {
    return new AccountState(id, balance);
  }

  /** Recreates an account from its snapshot's state. */
  public static BankAccount fromSnapshot(AccountState state) {
    var account = new BankAccount();
    account.id = state.id();
    account.balance = state.balance();
    return account;
  }
}
