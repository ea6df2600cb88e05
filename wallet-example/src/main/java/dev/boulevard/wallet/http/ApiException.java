package dev.boulevard.wallet.http;

/** A request the API answers with an error: its HTTP status, its code and a message for people. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String allow;

  private ApiException(int status, String code, String message, String allow) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.allow = allow;
  }

  static ApiException invalidRequest(String message) {
    return new ApiException(400, "invalid_request", message, null);
  }

  static ApiException notFound(String path) {
    return new ApiException(404, "not_found", "No such resource: " + Texts.shorten(path), null);
  }

  static ApiException unknownCommand(String name) {
    return new ApiException(
        404, "unknown_command", "No such command: " + Texts.shorten(name), null);
  }

  static ApiException walletNotFound(String message) {
    return new ApiException(404, "wallet_not_found", message, null);
  }

  static ApiException methodNotAllowed(String method, String allow) {
    return new ApiException(
        405,
        "method_not_allowed",
        Texts.shorten(method) + " is not allowed here; use " + allow,
        allow);
  }

  static ApiException concurrencyConflict(String message) {
    return new ApiException(409, "concurrency_conflict", message, null);
  }

  static ApiException unreadableHistory(String message) {
    return new ApiException(409, "unreadable_history", message, null);
  }

  static ApiException payloadTooLarge(int limit) {
    return new ApiException(
        413, "payload_too_large", "The body must be at most " + limit + " bytes", null);
  }

  static ApiException insufficientCredits(String message) {
    return new ApiException(422, "insufficient_credits", message, null);
  }

  static ApiException idempotencyKeyReused() {
    return new ApiException(
        422,
        "idempotency_key_reused",
        IdempotencyKeys.HEADER
            + " was sent before with another command (another type, user or amount), which it"
            + " stands for; send this command with a new key",
        null);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** {@return the methods allowed, for a 405, or null} */
  String allow() {
    return allow;
  }
}
