package dev.boulevard.repository;

import java.util.Optional;

/**
 * An aggregate repository that also loads aggregates as they were at an earlier point of their
 * history.
 *
 * <p>An aggregate loaded as of a point is for reading. Saving events it records appends them after
 * that point, so the store refuses them with its concurrency exception ({@link
 * dev.boulevard.eventstore.DuplicatePlayheadException}) unless no event came after the point.
 *
 * @param <A> the aggregate's type
 */
public interface TimeTravelRepository<A> extends AggregateRepository<A> {

  /**
   * Loads an aggregate as it was at a point of its history, which must exist by then.
   *
   * @param aggregateId the aggregate's id
   * @param asOf the point: a playhead, inclusive, or an instant
   * @return the aggregate with the events up to that point
   * @throws AggregateNotFoundException if the aggregate had no event by then
   */
  A load(String aggregateId, AsOf asOf);

  /**
   * Loads an aggregate as it was at a point of its history, if it existed by then.
   *
   * @param aggregateId the aggregate's id
   * @param asOf the point: a playhead, inclusive, or an instant
   * @return the aggregate with the events up to that point, or empty if it had none by then
   */
  Optional<A> find(String aggregateId, AsOf asOf);
}
