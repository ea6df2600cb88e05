package dev.boulevard.tracing;

import dev.boulevard.BoulevardException;

/**
 * A {@code traceparent} or {@code tracestate} value does not follow the W3C Trace Context format.
 */
public final class InvalidTraceContextException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private InvalidTraceContextException(String message) {
    super(message);
  }

  /**
   * Reports a malformed {@code traceparent}.
   *
   * @param value the value given
   * @param problem what is wrong with it
   * @return the exception
   */
  public static InvalidTraceContextException badTraceparent(String value, String problem) {
    return new InvalidTraceContextException(
        "Not a W3C traceparent: \""
            + value
            + "\": "
            + problem
            + "; expected version-traceid-parentid-flags, such as"
            + " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  }

  /**
   * Reports a malformed {@code tracestate}.
   *
   * @param value the value given
   * @param problem what is wrong with it
   * @return the exception
   */
  public static InvalidTraceContextException badTracestate(String value, String problem) {
    return new InvalidTraceContextException("Not a W3C tracestate: \"" + value + "\": " + problem);
  }
}
