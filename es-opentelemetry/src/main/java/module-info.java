/**
 * Boulevard's OpenTelemetry spans for command dispatch, append and projection batch.
 *
 * <p>The OpenTelemetry API is an automatic module (named in its manifest), hence the suppressed
 * warnings.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.boulevard.opentelemetry {
  requires transitive dev.boulevard.core;
  requires transitive dev.boulevard.readmodel;
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;

  exports dev.boulevard.opentelemetry;
}
