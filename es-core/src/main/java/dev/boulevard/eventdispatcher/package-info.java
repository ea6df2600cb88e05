/**
 * A small, typed event dispatcher, as in Broadway: listeners subscribe to a class of events and are
 * called, in registration order, for every dispatched event of that class or a subclass.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.eventdispatcher;

import org.jspecify.annotations.NullMarked;
