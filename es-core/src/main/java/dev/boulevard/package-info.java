/**
 * Boulevard's root package: the exception root shared by every component.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard;

import org.jspecify.annotations.NullMarked;
