/**
 * A {@link dev.boulevard.serializer.Serializer} that stores events and metadata as plain JSON with
 * Jackson, under the names of an {@link dev.boulevard.serializer.EventTypeRegistry}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.serializer.jackson;
