/**
 * OpenTelemetry spans for the starter's command bus, store and runners, when es-opentelemetry and
 * an {@code OpenTelemetry} bean are present. Parameters and return values are non-null unless
 * documented.
 */
@NullMarked
package dev.boulevard.spring.boot.tracing;

import org.jspecify.annotations.NullMarked;
