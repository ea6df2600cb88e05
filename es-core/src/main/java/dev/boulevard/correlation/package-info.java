/**
 * Correlation and causation ids: which command or event caused an event, and which chain of work it
 * belongs to, kept in {@link dev.boulevard.correlation.Causation} while a command is handled and
 * written into event metadata by enrichers.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.correlation;

import org.jspecify.annotations.NullMarked;
