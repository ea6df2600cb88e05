package dev.boulevard.spring.boot.actuate;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * Answers the {@code boulevard} endpoint's decisions over HTTP with a status that says what went
 * wrong: 404 for an unknown name, 400 for an unknown action, 409 when the projection is not parked
 * or a decision is pending; the body then carries the message. Thread-safe.
 */
@EndpointWebExtension(endpoint = BoulevardEndpoint.class)
public final class BoulevardEndpointWebExtension {

  private final BoulevardEndpoint endpoint;

  /**
   * Creates the extension.
   *
   * @param endpoint the endpoint it answers for
   */
  public BoulevardEndpointWebExtension(BoulevardEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  /**
   * Resumes or skips a parked projection or process manager.
   *
   * @param name its name
   * @param action {@code resume} or {@code skip}
   * @param reason why, recorded with the decision; optional
   * @return 200 with its status after the decision, or 404, 400 or 409 with an error message
   */
  @WriteOperation
  public WebEndpointResponse<Object> decide(
      @Selector String name, @Selector String action, @Nullable String reason) {
    try {
      return new WebEndpointResponse<>(endpoint.decide(name, action, reason));
    } catch (ProjectionDecisionException e) {
      int status =
          switch (e.problem()) {
            case UNKNOWN_NAME -> WebEndpointResponse.STATUS_NOT_FOUND;
            case UNKNOWN_ACTION -> WebEndpointResponse.STATUS_BAD_REQUEST;
            case REFUSED -> 409;
          };
      return new WebEndpointResponse<>(Map.of("error", e.getMessage()), status);
    }
  }
}
