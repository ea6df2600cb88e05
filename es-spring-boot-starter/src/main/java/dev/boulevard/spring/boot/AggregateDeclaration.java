package dev.boulevard.spring.boot;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcedAggregateRoot;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Declares an event-sourced aggregate to the starter, which then offers an {@link
 * dev.boulevard.eventsourcing.EventSourcingRepository EventSourcingRepository&lt;A&gt;} bean for it
 * on the auto-configured event store and event bus. Declare it as a bean whose method returns the
 * generic type, {@code AggregateDeclaration<Account>}. Immutable and thread-safe.
 *
 * @param <A> the aggregate's type
 */
public final class AggregateDeclaration<A extends EventSourcedAggregateRoot<?>> {

  private final Class<A> type;
  private final AggregateFactory<A> factory;

  private AggregateDeclaration(Class<A> type, AggregateFactory<A> factory) {
    this.type = Objects.requireNonNull(type, "type");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Declares an aggregate that is replayed into a blank instance.
   *
   * @param type the aggregate's class
   * @param blank creates a blank aggregate, such as {@code Account::new}
   * @param <A> the aggregate's type
   * @return the declaration
   */
  public static <A extends EventSourcedAggregateRoot<?>> AggregateDeclaration<A> of(
      Class<A> type, Supplier<A> blank) {
    return new AggregateDeclaration<>(type, AggregateFactory.of(Objects.requireNonNull(blank)));
  }

  /**
   * Declares an aggregate with a factory of its own.
   *
   * @param type the aggregate's class
   * @param factory the factory that replays it
   * @param <A> the aggregate's type
   * @return the declaration
   */
  public static <A extends EventSourcedAggregateRoot<?>> AggregateDeclaration<A> withFactory(
      Class<A> type, AggregateFactory<A> factory) {
    return new AggregateDeclaration<>(type, factory);
  }

  /** {@return the aggregate's class} */
  public Class<A> type() {
    return type;
  }

  /** {@return the factory that replays the aggregate} */
  public AggregateFactory<A> factory() {
    return factory;
  }

  @Override
  public String toString() {
    return "AggregateDeclaration[" + type.getName() + "]";
  }
}
