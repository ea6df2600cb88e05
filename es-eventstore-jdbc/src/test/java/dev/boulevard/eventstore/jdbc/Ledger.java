package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;

/** The aggregate of the upcasting tests: an owner, a currency and a balance. */
final class Ledger extends EventSourcedAggregateRoot<LedgerEvent> {

  private String id;
  private String owner;
  private String currency;
  private long balance;

  Ledger() {
    super(LedgerEvent.class);
  }

  void deposit(long amount) {
    apply(new LedgerEvent.Deposited(id, amount));
  }

  String owner() {
    return owner;
  }

  String currency() {
    return currency;
  }

  long balance() {
    return balance;
  }

  @Override
  public String aggregateId() {
    return id;
  }

  @Override
  protected void when(LedgerEvent event) {
    if (event instanceof LedgerEvent.Opened opened) {
      id = opened.ledger();
      owner = opened.owner();
      currency = opened.currency();
    } else if (event instanceof LedgerEvent.Deposited deposited) {
      balance += deposited.amount();
    } else if (event instanceof LedgerEvent.Withdrawn withdrawn) {
      balance -= withdrawn.amount();
    }
  }
}
