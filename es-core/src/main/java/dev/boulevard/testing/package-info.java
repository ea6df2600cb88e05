/**
 * The scenario test kit: given events, when a command or an action, then events or an exception,
 * for aggregates ({@link dev.boulevard.testing.AggregateScenario}) and command handlers ({@link
 * dev.boulevard.testing.CommandHandlerScenario}); given events, when an event or time passes, then
 * commands, for process managers ({@link dev.boulevard.testing.ProcessManagerScenario}); with a
 * settable {@link dev.boulevard.testing.TestClock}.
 *
 * <p>The kit depends on no test framework: a failed expectation throws the JDK's {@link
 * AssertionError}, with expected and actual events side by side, so it works from JUnit, TestNG or
 * anything else. Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.testing;

import org.jspecify.annotations.NullMarked;
