package dev.boulevard.spring.boot;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.GlobalEventLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStoreBuilder;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.readmodel.saga.SagasBuilder;

/**
 * Adds to what the starter builds, as beans of this type: observers on the builders, decorators of
 * the store and the command bus. The metrics and tracing auto-configurations each declare one; an
 * application may declare its own. Every method does nothing unless overridden; customizers run in
 * their {@code @Order}.
 */
public interface BoulevardCustomizer {

  /**
   * Customizes the JDBC event store before it is built.
   *
   * @param builder the store's builder
   * @param table the events table
   */
  default void eventStore(JdbcEventStoreBuilder builder, String table) {}

  /**
   * {@return the store the repositories append to and load from: the given one, or a decorator}
   *
   * @param store the store, the JDBC store or what an earlier customizer made of it
   * @param table the events table
   */
  default EventStore repositoryStore(EventStore store, String table) {
    return store;
  }

  /**
   * Customizes every repository the starter builds for a declared aggregate.
   *
   * @param builder the repository's builder
   */
  default void repository(EventSourcingRepository.Builder<?> builder) {}

  /**
   * {@return the command bus the application dispatches on: the given one, or a decorator}
   *
   * @param bus the bus, the starter's or what an earlier customizer made of it
   */
  default CommandBus commandBus(CommandBus bus) {
    return bus;
  }

  /**
   * Customizes the projections' runner before it is built.
   *
   * @param builder the runner's builder, with the application's projections added
   */
  default void projections(ProjectionsBuilder builder) {}

  /**
   * Hears of the projections' runner once it is built, before it starts.
   *
   * @param projections the runner
   * @param log the global log its projections read
   */
  default void projectionsBuilt(Projections projections, GlobalEventLog log) {}

  /**
   * Customizes the process managers' runner before it is built.
   *
   * @param builder the runner's builder, with the application's process managers added
   */
  default void sagas(SagasBuilder builder) {}

  /**
   * Hears of the process managers' runner once it is built, before it starts.
   *
   * @param sagas the runner
   * @param log the global log its process managers read
   */
  default void sagasBuilt(Sagas sagas, GlobalEventLog log) {}
}
