/**
 * Tracking projections: {@link dev.boulevard.readmodel.projection.Projections} runs each on a
 * thread of its own from its stored checkpoint, with retries, parks, decisions and rebuilds.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.readmodel.projection;

import org.jspecify.annotations.NullMarked;
