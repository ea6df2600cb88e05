package dev.boulevard.eventstore;

/** Thrown when the events of an aggregate that has none are loaded. */
public final class EventStreamNotFoundException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final String aggregateId;

  private EventStreamNotFoundException(String aggregateId) {
    super("No events are stored for aggregate '" + aggregateId + "'");
    this.aggregateId = aggregateId;
  }

  /** {@return the exception for an aggregate that has no events} */
  public static EventStreamNotFoundException forAggregate(String aggregateId) {
    return new EventStreamNotFoundException(aggregateId);
  }

  /** {@return the id of the aggregate that has no events} */
  public String aggregateId() {
    return aggregateId;
  }
}
