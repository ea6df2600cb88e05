/**
 * Read models kept in memory: fast and thread-safe, for tests, small applications and projections
 * rebuilt at start-up.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.readmodel.inmemory;

import org.jspecify.annotations.NullMarked;
