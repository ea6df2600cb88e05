/**
 * Event handling: an {@link dev.boulevard.eventhandling.EventBus} publishes the streams an
 * aggregate recorded to in-process {@link dev.boulevard.eventhandling.EventListener}s, after they
 * were stored.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.eventhandling;

import org.jspecify.annotations.NullMarked;
