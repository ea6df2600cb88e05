package dev.boulevard.eventstore.jdbc;

import dev.boulevard.BoulevardException;

/** A failure to begin, commit or roll back the transaction of a {@link JdbcUnitOfWork}. */
public final class UnitOfWorkException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private UnitOfWorkException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Reports that the database failed a step of a unit of work's transaction.
   *
   * @param step what was being done, such as "commit"
   * @param cause the underlying failure
   * @return the exception
   */
  public static UnitOfWorkException dueTo(String step, Throwable cause) {
    return new UnitOfWorkException(
        "Could not " + step + " the transaction of a unit of work: " + cause, cause);
  }
}
