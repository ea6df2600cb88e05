package dev.boulevard.readmodel.spi;

import dev.boulevard.eventstore.Checkpoint;
import java.util.List;

/**
 * Where tracking projections keep their checkpoints, parks and decisions: beside their read models,
 * so that a checkpoint commits with the writes it stands for.
 *
 * <p>A {@link dev.boulevard.readmodel.ReadModelStorage} supplies one; writes join the storage's
 * transaction on the calling thread where the storage has transactions. Implementations are
 * thread-safe.
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
  void park(String projection, int generation, ParkedEvent parked);

  /** Makes a generation the live one and forgets the old one, in one transaction. */
  void promote(String projection, int generation, int retired);

  /** Forgets a generation. */
  void delete(String projection, int generation);

  /** Keeps a decision about a park. */
  void record(ProjectionDecision decision);

  /** {@return the decisions about a projection, oldest first} */
  List<ProjectionDecision> decisions(String projection);

  /**
   * One generation of a projection's read models.
   *
   * @param generation its number, from 1
   * @param live whether queries read it
   * @param checkpoint the last event it took in
   * @param parked the event it is parked at, or null
   */
  record Generation(int generation, boolean live, Checkpoint checkpoint, ParkedEvent parked) {}
}
