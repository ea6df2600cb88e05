/**
 * A small application on Boulevard's modules: an event, a read model and the projector between
 * them.
 */
@NullMarked
package dev.boulevard.consumercheck;

import org.jspecify.annotations.NullMarked;
