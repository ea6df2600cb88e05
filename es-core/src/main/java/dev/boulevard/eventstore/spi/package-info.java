/**
 * For those who write an event store: the argument checks that every store makes the same way, so
 * that all stores refuse the same appends and reads with the same exceptions ({@link
 * dev.boulevard.eventstore.spi.AppendChecks}, {@link dev.boulevard.eventstore.spi.ReadChecks}).
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.eventstore.spi;

import org.jspecify.annotations.NullMarked;
