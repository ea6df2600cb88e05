/**
 * Micrometer metrics for the starter's store and runners, when es-micrometer and a {@code
 * MeterRegistry} are present. Parameters and return values are non-null unless documented.
 */
@NullMarked
package dev.boulevard.spring.boot.metrics;

import org.jspecify.annotations.NullMarked;
