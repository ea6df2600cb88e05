package dev.boulevard.repository;

import dev.boulevard.eventstore.AppendResult;
import java.util.Optional;

/**
 * Loads and saves aggregates of one type.
 *
 * @param <A> the aggregate's type
 */
public interface AggregateRepository<A> {

  /**
   * Loads an aggregate that must exist.
   *
   * @param aggregateId the aggregate's id
   * @return the aggregate
   * @throws AggregateNotFoundException if there is no such aggregate
   */
  A load(String aggregateId);

  /**
   * Loads an aggregate that may not exist.
   *
   * @param aggregateId the aggregate's id
   * @return the aggregate, or empty if there is no such aggregate
   */
  Optional<A> find(String aggregateId);

  /**
   * Saves what the aggregate changed since it was loaded or created, all or nothing.
   *
   * @param aggregate the aggregate to save
   * @return what was appended: the aggregate's last playhead and the global position of its last
   *     event, or {@link dev.boulevard.eventstore.AppendResult#nothing(String)} if it had no new
   *     events
   */
  AppendResult save(A aggregate);
}
