package dev.boulevard.readmodel;

import dev.boulevard.BoulevardException;

/** A failure of read-model storage, such as a lost connection or a document that cannot be read. */
public class ReadModelException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the read model and id where known
   * @param cause the underlying failure
   */
  public ReadModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
