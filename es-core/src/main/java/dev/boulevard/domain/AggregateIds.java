package dev.boulevard.domain;

/** The one check of an aggregate id that every repository and store makes before using it. */
public final class AggregateIds {

  private AggregateIds() {}

  /**
   * Checks that an aggregate id can name a stream: not null, not blank, and free of control
   * characters, which no store could show or look up reliably.
   *
   * @param aggregateId the id to check
   * @return the id, unchanged
   * @throws NullPointerException if the id is null
   * @throws InvalidAggregateIdException if the id is blank or holds a control character
   */
  public static String requireValid(String aggregateId) {
    if (aggregateId == null) {
      throw new NullPointerException("aggregateId: an aggregate id is needed, but got null");
    }
    if (aggregateId.isBlank()) {
      throw InvalidAggregateIdException.blank(aggregateId);
    }
    for (int i = 0; i < aggregateId.length(); i++) {
      if (Character.isISOControl(aggregateId.charAt(i))) {
        throw InvalidAggregateIdException.controlCharacter(aggregateId, i);
      }
    }
    return aggregateId;
  }
}
