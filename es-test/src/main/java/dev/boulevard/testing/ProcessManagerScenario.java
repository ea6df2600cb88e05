package dev.boulevard.testing;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.saga.ProcessAction;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.saga.Reaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Tests a process manager on its own: given events, when an event arrives or time passes, then
 * these commands are dispatched, and these are still scheduled.
 *
 * <pre>{@code
 * ProcessManagerScenario.of(new PaymentDeadline())
 *     .withAggregateId("order-1")
 *     .given(new OrderPlaced("order-1", placedAt))
 *     .whenTimePasses(Duration.ofHours(23))
 *     .thenDispatched()
 *     .whenTimePasses(Duration.ofHours(1))
 *     .thenDispatched(new CancelOrder("order-1"));
 * }</pre>
 *
 * <p>It runs the process manager as a runtime would: a command dispatched at once, or scheduled at
 * an instant the clock has reached, is dispatched after the event's handling; scheduling under a
 * key replaces the command pending under that key, and cancelling removes it. Each {@code then}
 * checks only what the {@code when} just before it dispatched. An exception that {@code when} did
 * not expect is thrown at once, failing the test; one that is expected is named in the same call,
 * {@code whenThrows}. Not thread-safe: one scenario per test.
 *
 * @param <S> the process manager's state type
 */
public final class ProcessManagerScenario<S> {

  private final ProcessManager<S> manager;
  private final TestClock clock = TestClock.standingStill();
  private final Map<String, S> states = new HashMap<>();
  private final Map<String, Long> playheads = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();
  private String aggregateId = "1";
  private Metadata metadata = Metadata.empty();
  private long sequence;
  private Outcome outcome;

  /** A command waiting for its instant; a null key marks one dispatched at once. */
  private record Pending(String correlation, String key, Instant dueAt, long seq, Object command) {}

  private ProcessManagerScenario(ProcessManager<S> manager) {
    this.manager = Objects.requireNonNull(manager, "manager");
  }

  /**
   * Starts a scenario.
   *
   * @param manager the process manager under test
   * @param <S> its state type
   * @return the scenario
   */
  public static <S> ProcessManagerScenario<S> of(ProcessManager<S> manager) {
    return new ProcessManagerScenario<>(manager);
  }

  /** {@return this scenario, with the aggregate id that the following events are recorded by} */
  public ProcessManagerScenario<S> withAggregateId(String aggregateId) {
    this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
    return this;
  }

  /** {@return this scenario, with the metadata that the following events carry} */
  public ProcessManagerScenario<S> withMetadata(Metadata metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    return this;
  }

  /** {@return the clock that stamps events and decides which commands are due} */
  public TestClock clock() {
    return clock;
  }

  /**
   * Handles events that set the scene; the commands they make due are dispatched and forgotten.
   *
   * @param events the events, in order
   * @return this scenario
   */
  public ProcessManagerScenario<S> given(Object... events) {
    if (outcome != null) {
      throw new IllegalStateException("given(...) comes before the first when(...)");
    }
    for (Object event : events) {
      handle(Objects.requireNonNull(event, "event"));
    }
    takeDue();
    return this;
  }

  /**
   * Handles an event; the commands due afterwards are what the next {@code then} checks.
   *
   * @param event the event
   * @return this scenario
   * @throws RuntimeException whatever the process manager threw, at once: use {@link #whenThrows}
   *     to expect it
   */
  public ProcessManagerScenario<S> when(Object event) {
    return run(event, null, null);
  }

  /**
   * Handles an event and checks that the process manager throws an exception of the given type.
   *
   * @param event the event
   * @param type the expected exception's type, or a supertype of it
   * @return this scenario
   * @throws AssertionFailedError if the process manager did not throw such an exception
   */
  public ProcessManagerScenario<S> whenThrows(Object event, Class<? extends Throwable> type) {
    return whenThrows(event, type, null);
  }

  /**
   * Handles an event and checks that the process manager throws an exception of the given type,
   * with a message that contains the given text, and changes nothing.
   *
   * @param event the event
   * @param type the expected exception's type, or a supertype of it
   * @param messagePart text the message must contain, or null for any message
   * @return this scenario
   * @throws AssertionFailedError if the process manager did not throw such an exception
   */
  public ProcessManagerScenario<S> whenThrows(
      Object event, Class<? extends Throwable> type, @Nullable String messagePart) {
    return run(event, Objects.requireNonNull(type, "type"), messagePart);
  }

  /** Handles an event: an exception is thrown on at once unless its type is expected. */
  private ProcessManagerScenario<S> run(
      Object event, Class<? extends Throwable> expected, @Nullable String messagePart) {
    Objects.requireNonNull(event, "event");
    try {
      handle(event);
    } catch (RuntimeException e) {
      outcome = Outcome.failed(e);
      if (expected == null) {
        throw e;
      }
      outcome.assertThrows(expected, messagePart);
      return this;
    }
    outcome = Outcome.recorded(takeDue());
    if (expected != null) {
      outcome.assertThrows(expected, messagePart);
    }
    return this;
  }

  /**
   * Moves the clock forward; the commands that fall due are what the next {@code then} checks.
   *
   * @param duration how far, 0 or more
   * @return this scenario
   */
  public ProcessManagerScenario<S> whenTimePasses(Duration duration) {
    if (Objects.requireNonNull(duration, "duration").isNegative()) {
      throw new IllegalArgumentException("Time passes forward, not by " + duration);
    }
    clock.advance(duration);
    outcome = Outcome.recorded(takeDue());
    return this;
  }

  /**
   * Checks that the last {@code when} dispatched exactly these commands, in this order.
   *
   * @param commands the expected commands; none to expect that nothing was dispatched
   * @return this scenario
   * @throws AssertionFailedError if other commands were dispatched, or the {@code when} threw
   */
  public ProcessManagerScenario<S> thenDispatched(Object... commands) {
    Outcome.requireWhen(outcome);
    outcome.assertItems("Dispatched commands differ", "command(s)", List.of(commands));
    return this;
  }

  /**
   * Checks that exactly these commands are scheduled and not yet due, in the order they fall due.
   *
   * @param scheduled the expected deadlines, of any process
   * @return this scenario
   * @throws AssertionFailedError if others are scheduled
   */
  public ProcessManagerScenario<S> thenScheduled(ProcessAction.Schedule... scheduled) {
    List<ProcessAction.Schedule> actual =
        pending.stream()
            .sorted(Comparator.comparing(Pending::dueAt).thenComparingLong(Pending::seq))
            .map(p -> new ProcessAction.Schedule(p.key(), p.dueAt(), p.command()))
            .toList();
    SideBySide.assertEqual("Scheduled commands differ", "command(s)", List.of(scheduled), actual);
    return this;
  }

  /**
   * Checks the state of one process.
   *
   * @param correlation the process's correlation key
   * @param expected its expected state
   * @return this scenario
   * @throws AssertionFailedError if the process has another state, or none
   */
  public ProcessManagerScenario<S> thenState(String correlation, S expected) {
    S actual = states.get(correlation);
    if (!Objects.equals(expected, actual)) {
      String none = "(none: ended or never started)";
      String how = actual == null || expected == null ? "" : SideBySide.phrase(expected, actual);
      throw new AssertionFailedError(
          "State of process "
              + correlation
              + " differs"
              + how
              + "\n  expected: "
              + (expected == null ? none : expected)
              + "\n  actual:   "
              + (actual == null ? none : actual),
          expected == null ? none : expected.toString(),
          actual == null ? none : actual.toString());
    }
    return this;
  }

  /**
   * Checks that a process has no state: it ended, or never started.
   *
   * @param correlation the process's correlation key
   * @return this scenario
   * @throws AssertionFailedError if the process has a state
   */
  public ProcessManagerScenario<S> thenEnded(String correlation) {
    if (states.containsKey(correlation)) {
      throw new AssertionFailedError(
          "Expected process "
              + correlation
              + " to have ended, but its state is "
              + states.get(correlation),
          "(none: ended or never started)",
          String.valueOf(states.get(correlation)));
    }
    return this;
  }

  private void handle(Object event) {
    long playhead = playheads.merge(aggregateId, 1L, Long::sum) - 1;
    var message = DomainMessage.recordNow(aggregateId, playhead, metadata, event, clock);
    Optional<String> correlation = manager.correlationOf(message);
    if (correlation.isEmpty()) {
      return;
    }
    Reaction<S> reaction =
        manager.react(message, Optional.ofNullable(states.get(correlation.get())));
    apply(reaction);
  }

  private void apply(Reaction<S> reaction) {
    String correlation = reaction.correlation();
    for (ProcessAction action : reaction.actions()) {
      if (action instanceof ProcessAction.Dispatch dispatch) {
        pending.add(
            new Pending(correlation, null, clock.instant(), sequence++, dispatch.command()));
      } else if (action instanceof ProcessAction.Schedule schedule) {
        removeKey(correlation, schedule.key());
        pending.add(
            new Pending(
                correlation, schedule.key(), schedule.dueAt(), sequence++, schedule.command()));
      } else if (action instanceof ProcessAction.Cancel cancel) {
        removeKey(correlation, cancel.key());
      }
    }
    reaction
        .state()
        .ifPresentOrElse(state -> states.put(correlation, state), () -> states.remove(correlation));
  }

  private void removeKey(String correlation, String key) {
    pending.removeIf(p -> p.correlation().equals(correlation) && key.equals(p.key()));
  }

  private List<Object> takeDue() {
    Instant now = clock.instant();
    List<Pending> due =
        pending.stream()
            .filter(p -> !p.dueAt().isAfter(now))
            .sorted(Comparator.comparing(Pending::dueAt).thenComparingLong(Pending::seq))
            .toList();
    pending.removeAll(due);
    return due.stream().map(Pending::command).toList();
  }
}
