/**
 * The storage of aggregates, as the command side sees it: {@link
 * dev.boulevard.repository.AggregateRepository}, named so that it does not clash with the read
 * side's repositories.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.repository;

import org.jspecify.annotations.NullMarked;
