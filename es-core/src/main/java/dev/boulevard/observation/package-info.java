/**
 * Observation hooks for metrics and tracing, in plain Java: {@link
 * dev.boulevard.observation.StoreObserver} hears of every append and load made through an {@link
 * dev.boulevard.observation.ObservedEventStore}. Modules such as es-micrometer and es-opentelemetry
 * implement them; without an observer nothing is measured and nothing costs.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.observation;

import org.jspecify.annotations.NullMarked;
