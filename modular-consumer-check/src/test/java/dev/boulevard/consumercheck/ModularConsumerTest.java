package dev.boulevard.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.BoulevardException;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.messaging.Envelope;
import dev.boulevard.messaging.kafka.KafkaTransport;
import dev.boulevard.messaging.nats.NatsTransport;
import dev.boulevard.micrometer.BoulevardMetrics;
import dev.boulevard.opentelemetry.BoulevardTracing;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.spring.boot.BoulevardAutoConfiguration;
import dev.boulevard.testing.AggregateScenario;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModularConsumerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void this_test_runs_inside_the_named_consumer_module_on_the_module_path() {
    Module module = getClass().getModule();

    assertThat(module.isNamed()).as("the test class's module is named").isTrue();
    assertThat(module.getName()).isEqualTo("dev.boulevard.consumercheck");
    assertThat(ModuleLayer.boot().findModule("dev.boulevard.core")).isPresent();
  }

  static Stream<Arguments> oneTypeOfEachLibraryModule() {
    return Stream.of(
        Arguments.of(BoulevardException.class, "dev.boulevard.core"),
        Arguments.of(JacksonSerializer.class, "dev.boulevard.serializer.jackson"),
        Arguments.of(InMemoryEventStore.class, "dev.boulevard.eventstore.inmemory"),
        Arguments.of(JdbcEventStore.class, "dev.boulevard.eventstore.jdbc"),
        Arguments.of(Projections.class, "dev.boulevard.readmodel"),
        Arguments.of(JdbcReadModelStorage.class, "dev.boulevard.readmodel.jdbc"),
        Arguments.of(Envelope.class, "dev.boulevard.messaging"),
        Arguments.of(KafkaTransport.class, "dev.boulevard.messaging.kafka"),
        Arguments.of(NatsTransport.class, "dev.boulevard.messaging.nats"),
        Arguments.of(AggregateScenario.class, "dev.boulevard.test"),
        Arguments.of(BoulevardMetrics.class, "dev.boulevard.micrometer"),
        Arguments.of(BoulevardTracing.class, "dev.boulevard.opentelemetry"),
        Arguments.of(BoulevardAutoConfiguration.class, "dev.boulevard.spring.boot"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("oneTypeOfEachLibraryModule")
  void every_library_type_comes_from_its_explicit_named_module(Class<?> type, String moduleName) {
    Module module = type.getModule();

    assertThat(module.isNamed()).as("%s is in a named module", type).isTrue();
    assertThat(module.getName()).isEqualTo(moduleName);
    assertThat(module.getDescriptor().isAutomatic()).as("%s is automatic", moduleName).isFalse();
    assertThat(getClass().getModule().canRead(module)).isTrue();
  }

  @Test
  void events_appended_to_the_in_memory_store_load_back() {
    EventStore store = new InMemoryEventStore();
    deposit(store, "acct-1", 0, 30);
    deposit(store, "acct-1", 1, 12);

    assertThat(store.load("acct-1").payloads())
        .containsExactly(new Deposited(30), new Deposited(12));
  }

  @Test
  void an_event_survives_a_json_round_trip_through_jackson() {
    var serializer =
        new JacksonSerializer(
            EventTypeRegistry.builder().register("deposited", Deposited.class).build());

    SerializedEvent serialized = serializer.serialize(new Deposited(42));

    assertThat(serialized.type()).isEqualTo("deposited");
    assertThat(serializer.deserialize(serialized, Metadata.empty()))
        .containsExactly(new Deposited(42));
  }

  @Test
  void a_tracking_projection_keeps_balances_in_memory() throws Exception {
    var store = new InMemoryEventStore();
    deposit(store, "a", 0, 30);
    deposit(store, "b", 0, 5);
    deposit(store, "a", 1, 12);
    TrackingProjection balances =
        TrackingProjection.named("balances")
            .readModel("balances", Balance.class)
            .projector(
                models -> new BalanceProjector(models.repository("balances", Balance.class)));

    try (Projections projections =
        Projections.builder(store, InMemoryReadModelStorage.create()).add(balances).build()) {
      projections.start();
      assertThat(projections.awaitCheckpoint(store.head(), WAIT)).isTrue();

      ReadModelRepository<Balance> read = projections.readModel("balances", Balance.class);
      assertThat(read.find("a")).contains(new Balance("a", 42));
      assertThat(read.find("b")).contains(new Balance("b", 5));
    }
  }

  @Test
  void the_jdbc_event_store_reads_its_sql_and_stores_events_on_embedded_h2() {
    var dataSource =
        JdbcConnectionPool.create("jdbc:h2:mem:modular_consumer_check;DB_CLOSE_DELAY=-1", "sa", "");
    JdbcSchema.eventStore(dataSource, "modular_consumer_events").migrate();
    var serializer =
        new JacksonSerializer(
            EventTypeRegistry.builder().register("deposited", Deposited.class).build());

    try (JdbcEventStore store =
        JdbcEventStore.builder(dataSource, serializer).table("modular_consumer_events").build()) {
      deposit(store, "acct-1", 0, 7);

      assertThat(store.load("acct-1").payloads()).containsExactly(new Deposited(7));
    } finally {
      dataSource.dispose();
    }
  }

  @Test
  void the_modules_guide_sample_appends_through_the_jdbc_store() {
    var dataSource =
        JdbcConnectionPool.create("jdbc:h2:mem:modules_guide;DB_CLOSE_DELAY=-1", "sa", "");
    try {
      var registry = EventTypeRegistry.builder().register("deposited", Deposited.class).build();
      var serializer = new JacksonSerializer(registry);
      JdbcSchema.eventStore(dataSource, "bank_events").migrate();
      try (JdbcEventStore store =
          JdbcEventStore.builder(dataSource, serializer).table("bank_events").build()) {
        store.append(
            "acct-1",
            DomainEventStream.of(
                DomainMessage.recordNow(
                    "acct-1", 0, Metadata.empty(), new Deposited(42), Clock.systemUTC())));
      }
    } finally {
      dataSource.dispose();
    }
  }

  private static void deposit(EventStore store, String account, long playhead, long amount) {
    store.append(
        account,
        DomainEventStream.of(
            DomainMessage.recordNow(
                account, playhead, Metadata.empty(), new Deposited(amount), Clock.systemUTC())));
  }
}
