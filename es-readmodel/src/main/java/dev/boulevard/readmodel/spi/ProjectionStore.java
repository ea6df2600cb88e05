package dev.boulevard.readmodel.spi;

import dev.boulevard.eventstore.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where tracking projections keep their checkpoints, parks and decisions: beside their read models,
 * so that a checkpoint commits with the writes it stands for.
 *
 * <p>A {@link dev.boulevard.readmodel.ReadModelStorage} supplies one; writes join the storage's
 * transaction on the calling thread where the storage has transactions. Implementations are
 * thread-safe.
 *
 * <p>It also keeps the leases through which the runners of a fleet share the projections: one owner
 * per projection at a time, each take of a lease a new epoch, and a batch that commits only while
 * its runner still {@link #holds} the lease in the epoch it took. Lease times are measured by the
 * store's own clock (the database's, for a JDBC store), so that the instances' clocks need not
 * agree.
 */
public interface ProjectionStore {

  /** {@return the generations of a projection's read models, oldest first; empty if none} */
  List<Generation> load(String projection);

  /** Records a new generation at the beginning of the log, unless it is recorded already. */
  void createIfAbsent(String projection, int generation, boolean live);

  /**
   * Moves a generation's checkpoint, inside the storage's current transaction.
   *
   * @return false, changing nothing, if the stored checkpoint is no longer {@code expected}:
   *     another runner moved it
   */
  boolean advance(String projection, int generation, Checkpoint expected, Checkpoint next);

  /**
   * Records the event a generation is parked at, or clears the park.
   *
   * @param projection the projection's name
   * @param generation the generation
   * @param parked the event it is parked at, or null to clear the park
   */
  void park(String projection, int generation, @Nullable ParkedEvent parked);

  /** Makes a generation the live one and forgets the old one, in one transaction. */
  void promote(String projection, int generation, int retired);

  /** Forgets a generation. */
  void delete(String projection, int generation);

  /** Keeps a decision about a park. */
  void record(ProjectionDecision decision);

  /** {@return the decisions about a projection, oldest first} */
  List<ProjectionDecision> decisions(String projection);

  /**
   * Takes the lease on a projection for an owner, if nobody holds it, it expired, or the owner
   * holds it already; every take starts a new epoch, so that an earlier holder's batches are
   * refused.
   *
   * @param projection the projection's name
   * @param owner who takes it: unique to one running runner
   * @param leaseTime how long it lasts unless renewed
   * @return the lease, or empty if another owner holds it
   */
  Optional<Lease> claim(String projection, String owner, Duration leaseTime);

  /**
   * Extends a lease, if its owner still holds it in the same epoch; an expired lease that nobody
   * took since is extended too.
   *
   * @return false, changing nothing, if another owner took it since
   */
  boolean renew(Lease lease, Duration leaseTime);

  /** Gives a lease up, so that another owner can take it at once; does nothing if it was lost. */
  void release(Lease lease);

  /**
   * Inside the storage's current transaction: tells whether the lease is still held, in its epoch
   * and unexpired, and keeps anyone from taking it until the transaction ends.
   *
   * @return false if it expired or another owner took it: the transaction must then write nothing
   */
  boolean holds(Lease lease);

  /** {@return every lease of this store, by projection name} */
  List<LeaseState> leases();

  /**
   * Says that a runner is alive, until {@code leaseTime} from now.
   *
   * @param group the projections the runner runs, which it shares with the runners of that group
   * @param owner the runner, as it takes leases
   * @param leaseTime how long it counts as alive unless it says so again
   */
  void heartbeat(String group, String owner, Duration leaseTime);

  /** {@return the runners of a group that are alive, by owner name, in order} */
  List<String> members(String group);

  /** Says that a runner left its group. */
  void leave(String group, String owner);

  /**
   * A lease on a projection, as its owner took it.
   *
   * @param projection the projection's name
   * @param owner the runner that holds it
   * @param epoch how many times it was taken; a later take has a higher epoch
   */
  record Lease(String projection, String owner, long epoch) {}

  /**
   * The stored state of a projection's lease.
   *
   * @param projection the projection's name
   * @param owner the runner that holds it, or null if it was released or never taken
   * @param epoch how many times it was taken
   * @param expiresAt when it lapses unless renewed, by the store's clock
   * @param expired whether it has lapsed, by the store's clock
   */
  record LeaseState(
      String projection, @Nullable String owner, long epoch, Instant expiresAt, boolean expired) {}

  /**
   * One generation of a projection's read models.
   *
   * @param generation its number, from 1
   * @param live whether queries read it
   * @param checkpoint the last event it took in
   * @param parked the event it is parked at, or null
   */
  record Generation(
      int generation, boolean live, Checkpoint checkpoint, @Nullable ParkedEvent parked) {}
}
