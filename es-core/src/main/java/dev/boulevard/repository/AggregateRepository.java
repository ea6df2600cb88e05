package dev.boulevard.repository;

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
   */
  void save(A aggregate);
}
