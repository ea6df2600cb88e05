package dev.boulevard.testing;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Tests an aggregate on its own: given the events of its history, when an action is taken on it,
 * then it records exactly these events, or throws.
 *
 * <pre>{@code
 * AggregateScenario.forAggregate(AggregateFactory.of(Account::new))
 *     .withAggregateId("a-1")
 *     .given(new Opened("a-1"))
 *     .when(account -> account.deposit(10))
 *     .then(new Deposited("a-1", 10))
 *     .whenThrows(account -> account.withdraw(50), InsufficientFunds.class);
 * }</pre>
 *
 * <p>Each {@code then} checks only the events recorded by the {@code when} just before it. An
 * exception that {@code when} or {@code whenCreating} did not expect is thrown at once, failing the
 * test; one that is expected is named in the same call, {@code whenThrows}. Not thread-safe: one
 * scenario per test.
 *
 * @param <A> the aggregate's type
 */
public final class AggregateScenario<A extends EventSourcedAggregateRoot<?>> {

  private final AggregateFactory<A> factory;
  private final TestClock clock = TestClock.standingStill();
  private final List<DomainMessage> history = new ArrayList<>();
  private String aggregateId = "1";
  private A aggregate;
  private int eventsSeen;
  private Outcome outcome;

  private AggregateScenario(AggregateFactory<A> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Starts a scenario.
   *
   * @param factory how the aggregate is rebuilt from the given events
   * @param <A> the aggregate's type
   * @return the scenario
   */
  public static <A extends EventSourcedAggregateRoot<?>> AggregateScenario<A> forAggregate(
      AggregateFactory<A> factory) {
    return new AggregateScenario<>(factory);
  }

  /** {@return this scenario, with the id that the given events are stored under} */
  public AggregateScenario<A> withAggregateId(String aggregateId) {
    this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
    return this;
  }

  /** {@return the clock that stamps the given events, for the test to pass to the aggregate} */
  public TestClock clock() {
    return clock;
  }

  /**
   * Adds events to the aggregate's history, after any given before.
   *
   * @param events the events, in order
   * @return this scenario
   */
  public AggregateScenario<A> given(Object... events) {
    if (outcome != null) {
      throw new IllegalStateException("given(...) comes before the first when(...)");
    }
    for (Object event : events) {
      history.add(
          DomainMessage.recordNow(aggregateId, history.size(), Metadata.empty(), event, clock));
    }
    aggregate =
        history.isEmpty() ? null : factory.create(aggregateId, DomainEventStream.of(history));
    return this;
  }

  /**
   * Takes an action on the aggregate that the given events built.
   *
   * @param action what to do with the aggregate
   * @return this scenario
   * @throws RuntimeException whatever the action threw, at once: use {@link #whenThrows} to expect
   *     it
   */
  public AggregateScenario<A> when(Consumer<? super A> action) {
    Objects.requireNonNull(action, "action");
    requireAggregate();
    return run(() -> action.accept(aggregate), null, null);
  }

  /**
   * Takes an action on the aggregate and checks that it throws an exception of the given type.
   *
   * @param action what to do with the aggregate
   * @param type the expected exception's type, or a supertype of it
   * @return this scenario
   * @throws AssertionFailedError if the action did not throw such an exception
   */
  public AggregateScenario<A> whenThrows(
      Consumer<? super A> action, Class<? extends Throwable> type) {
    return whenThrows(action, type, null);
  }

  /**
   * Takes an action on the aggregate and checks that it throws an exception of the given type whose
   * message contains the given text.
   *
   * @param action what to do with the aggregate
   * @param type the expected exception's type, or a supertype of it
   * @param messagePart text the exception's message must contain, or null for any message
   * @return this scenario
   * @throws AssertionFailedError if the action did not throw such an exception
   */
  public AggregateScenario<A> whenThrows(
      Consumer<? super A> action, Class<? extends Throwable> type, @Nullable String messagePart) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(type, "type");
    requireAggregate();
    return run(() -> action.accept(aggregate), type, messagePart);
  }

  private void requireAggregate() {
    if (aggregate == null) {
      throw new IllegalStateException(
          "There is no aggregate yet: give it events with given(...) or create it with"
              + " whenCreating(...)");
    }
  }

  /**
   * Creates the aggregate, for scenarios of how an aggregate comes into being.
   *
   * @param creation creates the aggregate, usually through its static factory method
   * @return this scenario
   * @throws RuntimeException whatever the creation threw, at once
   */
  public AggregateScenario<A> whenCreating(Supplier<? extends A> creation) {
    Objects.requireNonNull(creation, "creation");
    if (aggregate != null) {
      throw new IllegalStateException("The aggregate exists already; use when(...)");
    }
    return run(() -> aggregate = creation.get(), null, null);
  }

  /**
   * Checks that the last {@code when} recorded exactly these events, in this order.
   *
   * @param events the expected events; none to expect that nothing was recorded
   * @return this scenario
   * @throws AssertionFailedError if other events were recorded, or the {@code whenThrows} threw
   */
  public AggregateScenario<A> then(Object... events) {
    Outcome.requireWhen(outcome);
    outcome.assertEvents(List.of(events));
    return this;
  }

  /**
   * Runs further checks on the aggregate's state, such as with a test framework's assertions.
   *
   * @param assertions the checks
   * @return this scenario
   * @throws AssertionFailedError if there is no aggregate, because no events were given and {@code
   *     whenCreating} was not called
   */
  public AggregateScenario<A> thenAggregate(Consumer<? super A> assertions) {
    Objects.requireNonNull(assertions, "assertions");
    if (aggregate == null) {
      throw new AssertionFailedError(
          "There is no aggregate to check: give it events with given(...) or create it with"
              + " whenCreating(...)");
    }
    assertions.accept(aggregate);
    return this;
  }

  /** Runs a "when": an exception is thrown on at once unless its type is expected. */
  private AggregateScenario<A> run(
      Runnable when, Class<? extends Throwable> expected, @Nullable String messagePart) {
    try {
      when.run();
    } catch (RuntimeException | AssertionError e) {
      outcome = Outcome.failed(e);
      if (aggregate != null) {
        // Events applied before the failure must not show up in the next then(...).
        eventsSeen = aggregate.uncommittedEvents().size();
      }
      if (expected == null) {
        throw e;
      }
      outcome.assertThrows(expected, messagePart);
      return this;
    }
    if (aggregate == null) {
      throw new IllegalStateException("whenCreating(...) returned no aggregate");
    }
    List<?> all = aggregate.uncommittedEvents();
    outcome = Outcome.recorded(all.subList(eventsSeen, all.size()));
    eventsSeen = all.size();
    if (expected != null) {
      outcome.assertThrows(expected, messagePart);
    }
    return this;
  }
}
