/**
 * The durable runtime of process managers ({@link dev.boulevard.saga.ProcessManager}): {@link
 * dev.boulevard.readmodel.saga.Sagas} feeds each from the global log as a tracking projection,
 * stores its state per correlation and the commands it sends in an outbox, in the same transaction
 * as its checkpoint, and delivers due commands to a command bus, at least once.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.readmodel.saga;

import org.jspecify.annotations.NullMarked;
