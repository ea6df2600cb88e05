package dev.boulevard.testing;

import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventhandling.EventBus;
import dev.boulevard.eventhandling.TraceableEventBus;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.TraceableEventStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Tests a command handler with a real event store: given the stored events of some aggregates, when
 * a command is handled, then exactly these events are stored, or the handler throws.
 *
 * <pre>{@code
 * CommandHandlerScenario.using(new InMemoryEventStore(),
 *         (store, bus, clock) -> new AccountHandler(repositoryOn(store, bus, clock)))
 *     .withAggregateId("a-1")
 *     .given(new Opened("a-1"))
 *     .when(new Deposit("a-1", 10))
 *     .then(new Deposited("a-1", 10))
 *     .whenThrows(new Withdraw("a-1", 50), InsufficientFunds.class);
 * }</pre>
 *
 * <p>Each {@code then} checks only the events stored while handling the command just before it. An
 * exception that {@code when} did not expect is thrown at once, failing the test; one that is
 * expected is named in the same call, {@code whenThrows}. Not thread-safe: one scenario per test.
 */
public final class CommandHandlerScenario {

  /** Creates the command handler under test from the scenario's store, bus and clock. */
  @FunctionalInterface
  public interface HandlerFactory {

    /**
     * Creates the handler.
     *
     * @param store the store that holds the given events and records new ones
     * @param bus the bus to publish saved events on
     * @param clock the scenario's clock
     * @return the handler under test
     */
    CommandHandler create(EventStore store, EventBus bus, Clock clock);
  }

  private final TraceableEventStore store;
  private final TraceableEventBus bus = new TraceableEventBus();
  private final TestClock clock = TestClock.standingStill();
  private final CommandHandler handler;
  private final Map<String, Long> nextPlayheads = new HashMap<>();
  private String aggregateId = "1";
  private Outcome outcome;

  private CommandHandlerScenario(EventStore store, HandlerFactory factory) {
    this.store = new TraceableEventStore(Objects.requireNonNull(store, "store"));
    this.handler = Objects.requireNonNull(factory.create(this.store, bus, clock), "handler");
  }

  /**
   * Starts a scenario.
   *
   * @param store an empty event store, such as an {@code InMemoryEventStore}
   * @param factory creates the handler under test
   * @return the scenario
   */
  public static CommandHandlerScenario using(EventStore store, HandlerFactory factory) {
    return new CommandHandlerScenario(store, factory);
  }

  /** {@return this scenario, with the aggregate that the next given events are stored for} */
  public CommandHandlerScenario withAggregateId(String aggregateId) {
    this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
    return this;
  }

  /** {@return the clock given to the handler, which the test may move} */
  public TestClock clock() {
    return clock;
  }

  /** {@return the bus given to the handler, which holds what was published by the last when} */
  public TraceableEventBus eventBus() {
    return bus;
  }

  /**
   * Stores events for the current aggregate, after any given for it before.
   *
   * @param events the events, in order
   * @return this scenario
   */
  public CommandHandlerScenario given(Object... events) {
    long playhead = nextPlayheads.getOrDefault(aggregateId, 0L);
    var messages = new ArrayList<DomainMessage>();
    for (Object event : events) {
      messages.add(
          DomainMessage.recordNow(aggregateId, playhead++, Metadata.empty(), event, clock));
    }
    store.append(aggregateId, DomainEventStream.of(messages));
    nextPlayheads.put(aggregateId, playhead);
    return this;
  }

  /**
   * Has the handler handle a command.
   *
   * @param command the command
   * @return this scenario
   * @throws AssertionFailedError if the handler does not handle commands of this type
   * @throws RuntimeException whatever the handler threw, at once: use {@link #whenThrows} to expect
   *     it
   */
  public CommandHandlerScenario when(Object command) {
    return handle(command, null, null);
  }

  /**
   * Has the handler handle a command and checks that it throws an exception of the given type.
   *
   * @param command the command
   * @param type the expected exception's type, or a supertype of it
   * @return this scenario
   * @throws AssertionFailedError if the handler did not throw such an exception, or stored events
   *     although it threw: a failed command records nothing
   */
  public CommandHandlerScenario whenThrows(Object command, Class<? extends Throwable> type) {
    return whenThrows(command, type, null);
  }

  /**
   * Has the handler handle a command and checks that it throws an exception of the given type whose
   * message contains the given text.
   *
   * @param command the command
   * @param type the expected exception's type, or a supertype of it
   * @param messagePart text the exception's message must contain, or null for any message
   * @return this scenario
   * @throws AssertionFailedError if the handler did not throw such an exception, or stored events
   *     although it threw: a failed command records nothing
   */
  public CommandHandlerScenario whenThrows(
      Object command, Class<? extends Throwable> type, @Nullable String messagePart) {
    return handle(command, Objects.requireNonNull(type, "type"), messagePart);
  }

  /** Handles a command: an exception is thrown on at once unless its type is expected. */
  private CommandHandlerScenario handle(
      Object command, Class<? extends Throwable> expected, @Nullable String messagePart) {
    Objects.requireNonNull(command, "command");
    if (!handler.handles(command.getClass())) {
      throw new AssertionFailedError(
          "The handler does not handle commands of " + command.getClass().getName());
    }
    store.trace();
    store.clearEvents();
    bus.trace();
    bus.clearEvents();
    RuntimeException failure = null;
    try {
      handler.handle(command);
    } catch (RuntimeException e) {
      failure = e;
    }
    List<DomainMessage> stored = store.messages();
    stored.forEach(m -> nextPlayheads.merge(m.aggregateId(), m.playhead() + 1, Math::max));
    List<Object> payloads = stored.stream().map(DomainMessage::payload).toList();
    outcome = failure == null ? Outcome.recorded(payloads) : Outcome.failed(failure, payloads);
    if (expected != null) {
      outcome.assertThrows(expected, messagePart);
    } else if (failure != null) {
      throw failure;
    }
    return this;
  }

  /**
   * Checks that handling the last command stored exactly these events, in this order.
   *
   * @param events the expected events; none to expect that nothing was stored
   * @return this scenario
   * @throws AssertionFailedError if other events were stored, or the handler threw in {@code
   *     whenThrows}
   */
  public CommandHandlerScenario then(Object... events) {
    Outcome.requireWhen(outcome);
    outcome.assertEvents(List.of(events));
    return this;
  }
}
