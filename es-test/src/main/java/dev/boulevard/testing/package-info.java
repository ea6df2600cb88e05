/**
 * The scenario test kit: given events, when a command or an action, then events or an exception,
 * for aggregates ({@link dev.boulevard.testing.AggregateScenario}) and command handlers ({@link
 * dev.boulevard.testing.CommandHandlerScenario}); given events, when an event or time passes, then
 * commands, for process managers ({@link dev.boulevard.testing.ProcessManagerScenario}); with a
 * settable {@link dev.boulevard.testing.TestClock}.
 *
 * <p>Part of the es-test artifact, which belongs on a test classpath only. The kit depends on no
 * test framework, only on opentest4j: a failed expectation throws an {@link
 * org.opentest4j.AssertionFailedError} (an {@link AssertionError}) whose expected and actual values
 * are set, so IDEs show a diff, and whose message puts expected and actual side by side and names
 * the fields in which two events differ. It works from JUnit, TestNG or anything else. Parameters
 * and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.testing;

import org.jspecify.annotations.NullMarked;
