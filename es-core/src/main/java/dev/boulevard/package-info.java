/**
 * Boulevard's root package: the exception root shared by every component.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard;
