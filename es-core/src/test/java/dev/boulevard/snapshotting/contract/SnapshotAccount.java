package dev.boulevard.snapshotting.contract;

import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.eventstore.contract.ContractEvent.Withdrawn;
import dev.boulevard.snapshotting.SnapshotFormat;
import dev.boulevard.snapshotting.Snapshottable;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshottable account on the contract suites' events, whose state remembers every movement so
 * that a restored account differs from a replayed one if anything was lost.
 */
public final class SnapshotAccount extends EventSourcedAggregateRoot<ContractEvent>
    implements Snapshottable<SnapshotAccount.State> {

  private final List<Long> movements = new ArrayList<>();
  private String id;
  private String owner;
  private long balance;

  /** Creates a blank account for replay. */
  public SnapshotAccount() {
    super(ContractEvent.class);
  }

  /** {@return a newly opened account} */
  public static SnapshotAccount open(String id, String owner) {
    var account = new SnapshotAccount();
    account.apply(new Opened(id, owner));
    return account;
  }

  /** {@return an account restored from a snapshot's state, at no playhead yet} */
  public static SnapshotAccount fromSnapshot(State state) {
    var account = new SnapshotAccount();
    account.id = state.account();
    account.owner = state.owner();
    account.balance = state.balance();
    account.movements.addAll(state.movements());
    return account;
  }

  /** {@return the format of this account's snapshots, in the given version} */
  public static SnapshotFormat<SnapshotAccount, State> format(int version) {
    return SnapshotFormat.of(State.class, version, SnapshotAccount::fromSnapshot);
  }

  /** Puts money in. */
  public void deposit(long amount) {
    apply(new Deposited(id, amount));
  }

  /** Takes money out, if there is enough. */
  public void withdraw(long amount) {
    if (amount > balance) {
      throw new IllegalStateException("account " + id + " cannot pay " + amount);
    }
    apply(new Withdrawn(id, amount));
  }

  @Override
  public State snapshotState() {
    return new State(id, owner, balance, movements);
  }

  @Override
  public String aggregateId() {
    return id;
  }

  @Override
  protected void when(ContractEvent event) {
    if (event instanceof Opened opened) {
      id = opened.account();
      owner = opened.owner();
    } else if (event instanceof Deposited deposited) {
      balance += deposited.amount();
      movements.add(deposited.amount());
    } else if (event instanceof Withdrawn withdrawn) {
      balance -= withdrawn.amount();
      movements.add(-withdrawn.amount());
    }
  }

  /**
   * The account's whole state.
   *
   * @param account the id
   * @param owner the owner's name
   * @param balance the balance
   * @param movements every deposit (positive) and withdrawal (negative), in order
   */
  public record State(String account, String owner, long balance, List<Long> movements) {

    /** Copies the movements. */
    public State {
      movements = List.copyOf(movements);
    }
  }
}
