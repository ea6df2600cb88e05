package dev.boulevard.spring.boot.actuate;

import dev.boulevard.BoulevardException;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when a decision about a parked projection, asked for through the endpoint, cannot be
 * taken.
 */
public final class ProjectionDecisionException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  /** Why a decision cannot be taken. */
  public enum Problem {
    /** No projection or process manager has the name. */
    UNKNOWN_NAME,
    /** The action is neither resume nor skip. */
    UNKNOWN_ACTION,
    /** The runner refused: it is not parked, or a decision about it is pending. */
    REFUSED
  }

  private final Problem problem;

  private ProjectionDecisionException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * No projection or process manager has a name.
   *
   * @param name the name asked for
   * @param known the names there are
   * @return the exception
   */
  public static ProjectionDecisionException unknownName(String name, List<String> known) {
    return new ProjectionDecisionException(
        Problem.UNKNOWN_NAME,
        "There is no projection or process manager named '" + name + "'; there are " + known,
        null);
  }

  /**
   * An action that is neither resume nor skip.
   *
   * @param action the action asked for
   * @return the exception
   */
  public static ProjectionDecisionException unknownAction(String action) {
    return new ProjectionDecisionException(
        Problem.UNKNOWN_ACTION,
        "Unknown action '" + action + "': the actions are resume and skip",
        null);
  }

  /**
   * The runner refused the decision.
   *
   * @param name the projection's name
   * @param action the action
   * @param cause the runner's refusal
   * @return the exception
   */
  public static ProjectionDecisionException refused(
      String name, String action, IllegalStateException cause) {
    return new ProjectionDecisionException(
        Problem.REFUSED, "Cannot " + action + " '" + name + "': " + cause.getMessage(), cause);
  }

  /** {@return why the decision cannot be taken} */
  public Problem problem() {
    return problem;
  }
}
