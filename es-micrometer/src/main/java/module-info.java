/**
 * Boulevard's Micrometer metrics: the library's observation hooks bound to a {@code MeterRegistry}.
 *
 * <p>Micrometer is an automatic module (named in its manifest), hence the suppressed warnings.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.boulevard.micrometer {
  requires transitive dev.boulevard.core;
  requires transitive dev.boulevard.readmodel;
  requires transitive micrometer.core;

  exports dev.boulevard.micrometer;
}
