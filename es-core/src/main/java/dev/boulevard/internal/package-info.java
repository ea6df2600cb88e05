/**
 * Code shared by Boulevard's own packages; not an API, and free to change in any release.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.internal;

import org.jspecify.annotations.NullMarked;
