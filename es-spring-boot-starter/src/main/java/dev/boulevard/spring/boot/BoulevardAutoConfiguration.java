package dev.boulevard.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventhandling.EventBus;
import dev.boulevard.eventhandling.EventListener;
import dev.boulevard.eventhandling.SimpleEventBus;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStoreBuilder;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TableName;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.ProjectionsBuilder;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.readmodel.saga.SagasBuilder;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.jackson.JacksonMappers;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.spring.boot.internal.AggregateRepositories;
import dev.boulevard.spring.boot.internal.Runners;
import dev.boulevard.spring.boot.internal.Subscriptions;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires Boulevard on the application's {@link DataSource}: the serializer, the JDBC event store,
 * the event and command buses, a repository per {@link AggregateDeclaration}, the read model
 * storage, and the projections and process managers, which start and stop with the context. Every
 * bean backs off when the application declares its own of the same type.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration"
    })
@ConditionalOnClass({JdbcEventStore.class, JdbcReadModelStorage.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(BoulevardProperties.class)
public class BoulevardAutoConfiguration {

  /** Created by Spring. */
  public BoulevardAutoConfiguration() {}

  /**
   * The registrar of a repository bean per declared aggregate.
   *
   * @return the registrar
   */
  @Bean
  static AggregateRepositories boulevardAggregateRepositories() {
    return new AggregateRepositories();
  }

  /**
   * The serializer of events: Jackson 2 with every declared {@link EventTypes}, on the
   * application's {@code com.fasterxml} {@link ObjectMapper} if it has exactly one, else on {@link
   * JacksonMappers#defaults()}.
   *
   * @param types the declared event types
   * @param mappers the application's Jackson 2 mappers
   * @return the serializer
   */
  @Bean
  @ConditionalOnMissingBean
  public Serializer boulevardSerializer(
      ObjectProvider<EventTypes> types, ObjectProvider<ObjectMapper> mappers) {
    List<EventTypes> declared = types.orderedStream().toList();
    if (declared.isEmpty()) {
      throw BoulevardConfigurationException.noEventTypes();
    }
    EventTypeRegistry registry = merge("EventTypes", declared, EventTypes::registry);
    return new JacksonSerializer(registry, mappers.getIfUnique(JacksonMappers::defaults));
  }

  /**
   * The JDBC event store on the application's data source, its table created or migrated first, or
   * only validated when {@code boulevard.schema.mode=validate}.
   *
   * @param dataSource the application's data source
   * @param serializer the serializer
   * @param properties the settings
   * @param customizers what adds to the store, such as the metrics' watermark observer
   * @return the store, closed with the context
   */
  @Bean
  @ConditionalOnMissingBean
  public JdbcEventStore boulevardEventStore(
      DataSource dataSource,
      Serializer serializer,
      BoulevardProperties properties,
      ObjectProvider<BoulevardCustomizer> customizers) {
    String table = table("boulevard.event-store.table", properties.getEventStore().getTable());
    JdbcSchema.eventStore(dataSource, table).apply(properties.getSchema().getMode());
    JdbcEventStoreBuilder builder = JdbcEventStore.builder(dataSource, serializer).table(table);
    customizers.orderedStream().forEach(c -> c.eventStore(builder, table));
    return builder.build();
  }

  /**
   * The event bus that repositories publish to; every {@link EventListener} bean that is not a
   * {@link Projector} (projectors run in tracking projections) is subscribed once every singleton
   * exists.
   *
   * @return the bus
   */
  @Bean("boulevardEventBus") // the name Subscriptions looks for
  @ConditionalOnMissingBean
  public EventBus boulevardEventBus() {
    return new SimpleEventBus();
  }

  /**
   * The command bus; every {@link CommandHandler} bean is subscribed once every singleton exists,
   * so that a handler may itself depend on the bus; customizers may decorate it (tracing does).
   *
   * @param customizers what decorates the bus
   * @return the bus
   */
  @Bean("boulevardCommandBus") // the name Subscriptions looks for
  @ConditionalOnMissingBean
  public CommandBus boulevardCommandBus(ObjectProvider<BoulevardCustomizer> customizers) {
    CommandBus bus = new SimpleCommandBus();
    for (BoulevardCustomizer customizer : customizers.orderedStream().toList()) {
      bus = customizer.commandBus(bus);
    }
    return bus;
  }

  /**
   * Subscribes the handlers and listeners to the starter's buses, leaving the application's own.
   *
   * @param beans the context's beans
   * @return the subscriber
   */
  @Bean
  static Subscriptions boulevardSubscriptions(ListableBeanFactory beans) {
    return new Subscriptions(beans);
  }

  /**
   * The read models' storage on the application's data source, with the serializer's mapper rules.
   *
   * @param dataSource the application's data source
   * @param mappers the application's Jackson 2 mappers
   * @param properties the settings: the schema mode
   * @return the storage
   */
  @Bean
  @ConditionalOnMissingBean
  public JdbcReadModelStorage boulevardReadModelStorage(
      DataSource dataSource, ObjectProvider<ObjectMapper> mappers, BoulevardProperties properties) {
    return JdbcReadModelStorage.builder(dataSource)
        .schema(properties.getSchema().getMode())
        .objectMapper(mappers.getIfUnique(JacksonMappers::defaults))
        .build();
  }

  /**
   * The runner of every {@link TrackingProjection} bean, built but started by the context's
   * lifecycle.
   *
   * @param store the event store
   * @param storage the read models' storage
   * @param declared the application's projections
   * @param properties the settings
   * @param customizers what observes the runner, such as metrics and tracing
   * @return the runner
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Projections boulevardProjections(
      JdbcEventStore store,
      JdbcReadModelStorage storage,
      ObjectProvider<TrackingProjection> declared,
      BoulevardProperties properties,
      ObjectProvider<BoulevardCustomizer> customizers) {
    BoulevardProperties.Projections settings = properties.getProjections();
    ProjectionsBuilder builder =
        Projections.builder(store, storage)
            .stateTable(table("boulevard.projections.table", settings.getTable()))
            .leaseTime(leaseTime(properties))
            .batchSize(checked("boulevard.projections.batch-size", settings.getBatchSize()));
    String node = properties.getInstance().getNodeId();
    if (node != null) {
      builder.node(node);
    }
    declared.orderedStream().forEach(builder::add);
    List<BoulevardCustomizer> all = customizers.orderedStream().toList();
    all.forEach(c -> c.projections(builder));
    Projections projections = builder.build();
    all.forEach(c -> c.projectionsBuilt(projections, store));
    return projections;
  }

  /**
   * The runner of every {@link ProcessManager} bean, present when there is one; the commands they
   * send are dispatched on the command bus.
   *
   * @param store the event store
   * @param storage the read models' storage
   * @param commandBus the command bus
   * @param managers the application's process managers
   * @param commandTypes the declared command types
   * @param properties the settings
   * @param customizers what observes the runner, such as metrics and tracing
   * @return the runner
   */
  @Bean(destroyMethod = "")
  @ConditionalOnBean(ProcessManager.class)
  @ConditionalOnMissingBean
  public Sagas boulevardSagas(
      JdbcEventStore store,
      JdbcReadModelStorage storage,
      CommandBus commandBus,
      ObjectProvider<ProcessManager<?>> managers,
      ObjectProvider<CommandTypes> commandTypes,
      BoulevardProperties properties,
      ObjectProvider<BoulevardCustomizer> customizers) {
    List<ProcessManager<?>> declared = managers.orderedStream().toList();
    List<CommandTypes> types = commandTypes.orderedStream().toList();
    if (types.isEmpty()) {
      throw BoulevardConfigurationException.noCommandTypes(
          declared.stream().map(ProcessManager::name).toList());
    }
    BoulevardProperties.ProcessManagers settings = properties.getProcessManagers();
    SagasBuilder builder =
        Sagas.builder(
                store, storage, commandBus, merge("CommandTypes", types, CommandTypes::registry))
            .tables(
                table("boulevard.process-managers.state-table", settings.getStateTable()),
                table("boulevard.process-managers.outbox-table", settings.getOutboxTable()))
            .leaseTime(leaseTime(properties));
    if (settings.isKeyCommands()) {
      builder.keyCommands();
    }
    String node = properties.getInstance().getNodeId();
    if (node != null) {
      builder.node(node);
    }
    declared.forEach(builder::add);
    List<BoulevardCustomizer> all = customizers.orderedStream().toList();
    all.forEach(c -> c.sagas(builder));
    Sagas sagas = builder.build();
    all.forEach(c -> c.sagasBuilt(sagas, store));
    return sagas;
  }

  /**
   * Starts the projections and process managers with the context and stops them when it closes.
   *
   * @param projections the projections' runner
   * @param sagas the process managers' runner, if there are process managers
   * @param properties the settings
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  Runners boulevardRunners(
      Projections projections, ObjectProvider<Sagas> sagas, BoulevardProperties properties) {
    return new Runners(
        projections, sagas.getIfAvailable(), properties.getProjections().isEnabled());
  }

  private static String table(String property, String value) {
    try {
      return TableName.check(value);
    } catch (IllegalArgumentException e) {
      throw BoulevardConfigurationException.badProperty(property, value, e);
    }
  }

  private static int checked(String property, int value) {
    if (value < 1) {
      throw BoulevardConfigurationException.badProperty(
          property, value, new IllegalArgumentException("it is 1 or more"));
    }
    return value;
  }

  private static Duration leaseTime(BoulevardProperties properties) {
    Duration lease = properties.getInstance().getLeaseTime();
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw BoulevardConfigurationException.badProperty(
          "boulevard.instance.lease-time", lease, new IllegalArgumentException("it is positive"));
    }
    return lease;
  }

  private static <T> EventTypeRegistry merge(
      String kind, List<T> declared, Function<T, EventTypeRegistry> registry) {
    if (declared.size() == 1) {
      return registry.apply(declared.get(0));
    }
    EventTypeRegistry.Builder merged = EventTypeRegistry.builder();
    try {
      declared.forEach(d -> registry.apply(d).entries().forEach(merged::register));
    } catch (IllegalArgumentException e) {
      throw BoulevardConfigurationException.conflictingTypes(kind, e);
    }
    return merged.build();
  }
}
