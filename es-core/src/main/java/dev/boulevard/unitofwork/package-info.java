/**
 * Units of work: a {@link dev.boulevard.unitofwork.UnitOfWork} runs a piece of work, such as the
 * handling of one command and its audit entry, so that everything it writes commits together or not
 * at all; stores with transactions implement it, and {@link
 * dev.boulevard.unitofwork.UnitOfWork#none()} serves those without.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.unitofwork;

import org.jspecify.annotations.NullMarked;
