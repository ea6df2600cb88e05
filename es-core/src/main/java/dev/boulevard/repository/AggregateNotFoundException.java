package dev.boulevard.repository;

import dev.boulevard.BoulevardException;
import org.jspecify.annotations.Nullable;

/** Thrown when an aggregate that must exist does not. */
public final class AggregateNotFoundException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private final String aggregateType;
  private final String aggregateId;

  private AggregateNotFoundException(
      String aggregateType, String aggregateId, String when, @Nullable Throwable cause) {
    super(aggregateType + " '" + aggregateId + "' does not exist" + when, cause);
    this.aggregateType = aggregateType;
    this.aggregateId = aggregateId;
  }

  /**
   * Creates the exception for an aggregate that does not exist.
   *
   * @param aggregateType the aggregate's class
   * @param aggregateId the id that was looked for
   * @param cause the store's own failure, or null
   * @return the exception
   */
  public static AggregateNotFoundException forAggregate(
      Class<?> aggregateType, String aggregateId, @Nullable Throwable cause) {
    return new AggregateNotFoundException(aggregateType.getSimpleName(), aggregateId, "", cause);
  }

  /**
   * Creates the exception for an aggregate that had no event by a point of its history.
   *
   * @param aggregateType the aggregate's class
   * @param aggregateId the id that was looked for
   * @param asOf the point it was looked for at
   * @return the exception
   */
  public static AggregateNotFoundException asOf(
      Class<?> aggregateType, String aggregateId, AsOf asOf) {
    return new AggregateNotFoundException(
        aggregateType.getSimpleName(), aggregateId, " as of " + asOf, null);
  }

  /** {@return the simple name of the aggregate's class} */
  public String aggregateType() {
    return aggregateType;
  }

  /** {@return the id that was looked for} */
  public String aggregateId() {
    return aggregateId;
  }
}
