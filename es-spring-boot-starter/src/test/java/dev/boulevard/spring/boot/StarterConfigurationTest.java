package dev.boulevard.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventhandling.TypedEventListener;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.SchemaMode;
import dev.boulevard.eventstore.jdbc.SchemaValidationException;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.jackson.JacksonMappers;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.spring.boot.actuate.BoulevardActuatorAutoConfiguration;
import dev.boulevard.spring.boot.actuate.BoulevardEndpoint;
import dev.boulevard.spring.boot.actuate.BoulevardHealthIndicator;
import dev.boulevard.spring.boot.actuate.Statuses;
import dev.boulevard.spring.boot.sample.Account;
import dev.boulevard.spring.boot.sample.AccountEvent.AccountOpened;
import dev.boulevard.spring.boot.sample.AccountHandler;
import dev.boulevard.spring.boot.sample.AccountHandler.OpenAccount;
import dev.boulevard.spring.boot.sample.WelcomeBonus;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StarterConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BoulevardAutoConfiguration.class))
          .withUserConfiguration(Database.class)
          .withPropertyValues(
              "boulevard.event-store.table=bootstarter_cfg_events",
              "boulevard.projections.table=bootstarter_cfg_projections",
              "boulevard.process-managers.state-table=bootstarter_cfg_sagas",
              "boulevard.process-managers.outbox-table=bootstarter_cfg_outbox",
              "boulevard.projections.enabled=false");

  @BeforeAll
  static void dropTablesOfEarlierRuns() throws SQLException {
    StarterTables.dropAll();
  }

  @Test
  void beans_the_application_declares_replace_the_starters() {
    runner
        .withUserConfiguration(Events.class, OwnBeans.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Serializer.class))
                  .isSameAs(context.getBean("mySerializer"));
              assertThat(context.getBean(CommandBus.class))
                  .isSameAs(context.getBean("myCommandBus"));
              assertThat(context).hasBean("accountsRepository");
              assertThat(
                      context
                          .getBean("accountsRepository", EventSourcingRepository.class)
                          .aggregateType())
                  .isEqualTo(Account.class);
            });
  }

  @Test
  void the_serializer_writes_events_with_the_applications_jackson_2_mapper_when_it_has_one() {
    runner
        .withUserConfiguration(Events.class)
        .withBean(
            ObjectMapper.class,
            () ->
                JacksonMappers.defaults()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
        .run(
            context ->
                assertThat(
                        context
                            .getBean(Serializer.class)
                            .serialize(new AccountOpened("acc-1", "Ada"))
                            .data())
                    .contains("\"account_id\":\"acc-1\""));
  }

  @Test
  void without_a_jackson_2_mapper_the_serializer_uses_the_librarys_defaults() {
    runner
        .withUserConfiguration(Events.class)
        .run(
            context ->
                assertThat(
                        context
                            .getBean(Serializer.class)
                            .serialize(new AccountOpened("acc-1", "Ada"))
                            .data())
                    .contains("\"accountId\":\"acc-1\""));
  }

  @Test
  void a_repository_the_application_declares_for_an_aggregate_replaces_the_starters() {
    runner
        .withUserConfiguration(Events.class, OwnRepository.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean("accountsRepository");
              assertThat(context.getBeanNamesForType(EventSourcingRepository.class))
                  .containsExactly("myAccounts");
            });
  }

  @Test
  void without_actuator_the_starter_wires_everything_but_the_health_indicator_and_endpoint() {
    runner
        .withConfiguration(AutoConfigurations.of(BoulevardActuatorAutoConfiguration.class))
        .withClassLoader(
            new FilteredClassLoader(
                "org.springframework.boot.actuate", "org.springframework.boot.health"))
        .withUserConfiguration(Events.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Projections.class);
              assertThat(context).doesNotHaveBean(Statuses.class);
            });
  }

  @Test
  void with_actuator_the_starter_adds_the_health_indicator_and_the_endpoint() {
    runner
        .withConfiguration(AutoConfigurations.of(BoulevardActuatorAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=boulevard")
        .withUserConfiguration(Events.class)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(BoulevardHealthIndicator.class)
                    .hasSingleBean(BoulevardEndpoint.class));
  }

  @Test
  void handlers_and_listeners_may_depend_on_the_buses_they_are_subscribed_to() {
    runner
        .withUserConfiguration(Events.class, DependingOnTheBuses.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              String id = "acc-" + UUID.randomUUID();

              context.getBean(CommandBus.class).dispatch(new OpenAccount(id, "Ada"));

              assertThat(context.getBean(Opened.class).ids).containsExactly(id);
            });
  }

  @Test
  void an_invalid_table_name_stops_the_start_with_an_error_naming_the_property() {
    runner
        .withUserConfiguration(Events.class)
        .withPropertyValues("boulevard.event-store.table=bad-name")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got 'bad-name'"));
    runner
        .withUserConfiguration(Events.class)
        .withPropertyValues("boulevard.event-store.table=bad-name")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "The property boulevard.event-store.table = 'bad-name' cannot be used"));
  }

  @Test
  void in_validate_mode_a_missing_table_stops_the_start_with_an_error_naming_it() {
    runner
        .withUserConfiguration(Events.class)
        .withPropertyValues(
            "boulevard.schema.mode=validate", "boulevard.event-store.table=bootstarter_never_made")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(SchemaValidationException.class)
                    .hasMessageContaining("bootstarter_never_made"));
  }

  @Test
  void in_validate_mode_tables_created_before_are_used_and_no_ddl_runs() {
    runner
        .withUserConfiguration(Events.class)
        .withPropertyValues("boulevard.event-store.table=bootstarter_validated_events")
        .run(context -> assertThat(context).hasNotFailed());
    runner
        .withUserConfiguration(Events.class, DependingOnTheBuses.class)
        .withPropertyValues(
            "boulevard.schema.mode=validate",
            "boulevard.event-store.table=bootstarter_validated_events")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(JdbcReadModelStorage.class).schemaMode())
                  .isEqualTo(SchemaMode.VALIDATE);
              String id = UUID.randomUUID().toString();
              context.getBean(CommandBus.class).dispatch(new OpenAccount(id, "Ada"));
              assertThat(context.getBean(JdbcEventStore.class).load(id)).hasSize(1);
            });
  }

  @Test
  void an_application_without_event_types_is_told_to_declare_them() {
    runner.run(
        context ->
            assertThat(context)
                .getFailure()
                .hasStackTraceContaining(
                    "No event types are declared: declare an EventTypes bean"));
  }

  @Test
  void process_managers_without_command_types_are_told_to_declare_them() {
    runner
        .withUserConfiguration(Events.class)
        .withBean(WelcomeBonus.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "The process managers [welcome_bonus] send commands, but no CommandTypes"));
  }

  @Configuration(proxyBeanMethods = false)
  static class Database {
    @Bean
    DataSource dataSource() {
      return new DriverManagerDataSource(StarterTables.URL, StarterTables.USER, "");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Events {
    @Bean
    EventTypes events() {
      return EventTypes.of(
          EventTypeRegistry.builder().register("account.opened", AccountOpened.class).build());
    }

    @Bean
    AggregateDeclaration<Account> accounts() {
      return AggregateDeclaration.of(Account.class, Account::new);
    }
  }

  /** Records the accounts opened; depends on the command bus, as a listener that reacts may. */
  static final class Opened extends TypedEventListener {
    final List<String> ids = new CopyOnWriteArrayList<>();

    Opened(CommandBus commands) {
      Objects.requireNonNull(commands);
      on(AccountOpened.class, opened -> ids.add(opened.accountId()));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class DependingOnTheBuses {
    @Bean
    AccountHandler accountHandler(EventSourcingRepository<Account> accounts, CommandBus commands) {
      Objects.requireNonNull(commands);
      return new AccountHandler(accounts);
    }

    @Bean
    Opened opened(CommandBus commands) {
      return new Opened(commands);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRepository {
    @Bean
    EventSourcingRepository<Account> myAccounts() {
      return EventSourcingRepository.builder(
              Account.class, new InMemoryEventStore(), AggregateFactory.of(Account::new))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    @Bean
    Serializer mySerializer() {
      return new JacksonSerializer(
          EventTypeRegistry.builder().register("opened", AccountOpened.class).build());
    }

    @Bean
    CommandBus myCommandBus() {
      return new SimpleCommandBus();
    }
  }
}
