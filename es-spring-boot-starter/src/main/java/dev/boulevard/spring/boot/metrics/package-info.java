/**
 * Micrometer metrics for the starter's store and runners, when es-micrometer and a {@code
 * MeterRegistry} are present. Parameters and return values are non-null unless documented.
 */
package dev.boulevard.spring.boot.metrics;
