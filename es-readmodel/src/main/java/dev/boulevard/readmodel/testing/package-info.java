/**
 * Given-when-then scenarios that test a projector against in-memory read models, without a store or
 * a runner.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.readmodel.testing;

import org.jspecify.annotations.NullMarked;
