/**
 * Command handling: a {@link dev.boulevard.commandhandling.CommandBus} hands each command to the
 * {@link dev.boulevard.commandhandling.CommandHandler}s that handle its type, one command at a time
 * per thread.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.commandhandling;

import org.jspecify.annotations.NullMarked;
