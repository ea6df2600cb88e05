/**
 * Serialization of events: the {@link dev.boulevard.serializer.Serializer} interface that stores
 * use, and the explicit {@link dev.boulevard.serializer.EventTypeRegistry} that gives each event
 * class a stable stored name, so that a class can be renamed or moved without breaking history.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.serializer;

import org.jspecify.annotations.NullMarked;
