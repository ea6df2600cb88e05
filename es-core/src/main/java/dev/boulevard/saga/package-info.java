/**
 * Process managers (sagas): state kept per correlation, reacting to events by dispatching commands
 * now or at a deadline. A {@link dev.boulevard.saga.ProcessManager} only decides; a runtime (such
 * as es-readmodel's {@code dev.boulevard.readmodel.saga.Sagas}) stores its state and delivers its
 * commands, and {@code dev.boulevard.testing.ProcessManagerScenario} of the es-test artifact tests
 * it.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.saga;

import org.jspecify.annotations.NullMarked;
