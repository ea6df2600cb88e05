/**
 * Parts shared by the read-model repositories, such as what {@code findBy} compares; not an API for
 * users.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.readmodel.internal;
