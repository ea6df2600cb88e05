package dev.boulevard.eventstore;

/** Visits stored events for maintenance work: replays, migrations, audits and analysis. */
public interface EventStoreManagement {

  /**
   * Visits every stored event that matches the criteria, in global order.
   *
   * @param criteria which events to visit
   * @param visitor what to do with each
   */
  void visitEvents(Criteria criteria, EventVisitor visitor);
}
