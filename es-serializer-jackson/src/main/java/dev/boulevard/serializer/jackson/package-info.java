/**
 * Jackson implementations of the serializer roles of es-core: {@link
 * dev.boulevard.serializer.jackson.JacksonSerializer} stores events as plain JSON under the names
 * of an {@link dev.boulevard.serializer.EventTypeRegistry}, upcasting older versions through {@link
 * dev.boulevard.serializer.jackson.Upcaster}s; {@link
 * dev.boulevard.serializer.jackson.JacksonSnapshotSerializer} stores snapshot states; {@link
 * dev.boulevard.serializer.jackson.JacksonMappers} makes the mapper both use unless given another.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.serializer.jackson;

import org.jspecify.annotations.NullMarked;
