/**
 * Micrometer metrics for Boulevard: {@link dev.boulevard.micrometer.BoulevardMetrics} binds the
 * library's observation hooks to a {@code MeterRegistry}, under meter names that start with {@code
 * boulevard.}; docs/metrics.md lists every meter and its tags.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.micrometer;

import org.jspecify.annotations.NullMarked;
