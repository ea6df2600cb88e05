package dev.boulevard.spring.boot;

import static dev.boulevard.spring.boot.StarterTables.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.spring.boot.actuate.BoulevardHealthIndicator;
import dev.boulevard.spring.boot.internal.Runners;
import dev.boulevard.spring.boot.sample.AccountHandler.OpenAccount;
import dev.boulevard.spring.boot.sample.SampleApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StarterLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @BeforeAll
  static void dropTablesOfEarlierRuns() throws SQLException {
    StarterTables.dropAll();
  }

  @Test
  void the_projections_run_with_the_context_and_stop_when_it_closes() throws Exception {
    ConfigurableApplicationContext context = start("bootstarter_life", "true", "10000");
    Runners runners = context.getBean(Runners.class);
    Projections projections = context.getBean(Projections.class);

    assertThat(runners.isRunning()).isTrue();
    eventually(
        WAIT,
        () ->
            assertThat(projections.status())
                .extracting(ProjectionStatus::state)
                .containsOnly(ProjectionState.LIVE));
    context.close();

    assertThat(runners.isRunning()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.isAlive() && t.getName().contains("balances"));
  }

  @Test
  void an_instance_that_does_not_run_the_projections_reports_them_out_of_service_when_far_behind()
      throws Exception {
    String table = "bootstarter_idle";
    try (ConfigurableApplicationContext context = start(table, "false", "0")) {
      context.getBean(CommandBus.class).dispatch(new OpenAccount("acc-" + UUID.randomUUID(), "Bo"));

      assertThat(context.getBean(Runners.class).isRunning()).isFalse();
      assertThat(context.getBean(BoulevardHealthIndicator.class).health().getStatus())
          .isEqualTo(Status.OUT_OF_SERVICE);
    }
  }

  @Test
  void an_older_open_transaction_that_holds_the_readers_back_too_long_puts_it_out_of_service()
      throws Exception {
    try (ConfigurableApplicationContext context =
        start("bootstarter_held", "true", "10000", "boulevard.health.max-watermark-hold=1s")) {
      BoulevardHealthIndicator health = context.getBean(BoulevardHealthIndicator.class);
      try (Connection holder =
          DriverManager.getConnection(StarterTables.URL, StarterTables.USER, "")) {
        holder.setAutoCommit(false);
        holder.createStatement().executeQuery("SELECT pg_current_xact_id()").close();

        context
            .getBean(CommandBus.class)
            .dispatch(new OpenAccount("acc-" + UUID.randomUUID(), "Cy"));

        eventually(
            WAIT,
            () -> {
              Health held = health.health();
              assertThat(held.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
              // The test resources' application.properties names the events table.
              assertThat(held.getDetails()).containsKey("watermark bootstarter_events");
            });
        holder.rollback();
      }
      eventually(WAIT, () -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
    }
  }

  private static ConfigurableApplicationContext start(
      String prefix, String projectionsEnabled, String maxBehind, String... more) {
    return new SpringApplicationBuilder(SampleApplication.class)
        .properties(
            "spring.main.web-application-type=none",
            "boulevard.event-store.table=" + prefix + "_events",
            "boulevard.projections.table=" + prefix + "_projections",
            "boulevard.process-managers.state-table=" + prefix + "_sagas",
            "boulevard.process-managers.outbox-table=" + prefix + "_outbox",
            "boulevard.projections.enabled=" + projectionsEnabled,
            "boulevard.health.max-behind=" + maxBehind,
            "boulevard.instance.node-id=" + prefix + "-node")
        .properties(more)
        .run();
  }
}
