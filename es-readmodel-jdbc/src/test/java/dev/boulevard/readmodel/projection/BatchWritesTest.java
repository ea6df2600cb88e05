package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.readmodel.projection.ProjectionEnvironment.QUICK;
import static dev.boulevard.readmodel.projection.ProjectionEnvironment.WAIT;
import static dev.boulevard.readmodel.projection.ProjectionEnvironment.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a projector sees of its own writes inside a batch, which on transactional storage are cached
 * and written once before the checkpoint: the same on every storage.
 */
class BatchWritesTest {

  /** A count of an account's events, and whether the count is even, for {@code findBy}. */
  record Tally(String id, String parity, long count) implements ReadModel {}

  /** A model that Jackson may fail to write: {@code content} is whatever the test puts in it. */
  record Note(String id, Object content) implements ReadModel {}

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(120)
  abstract static class Cases {
    ProjectionEnvironment env;
    Projections projections;

    abstract ProjectionEnvironment createEnvironment();

    @BeforeEach
    void createEnvironmentAndTables() {
      env = createEnvironment();
    }

    @AfterEach
    void stopAndDropTables() throws Exception {
      if (projections != null) {
        projections.close();
      }
      env.close();
    }

    @Test
    void a_projector_finds_what_it_saved_and_removed_earlier_in_the_same_batch() throws Exception {
      for (String account : List.of("a", "b", "c")) {
        env.store().append(account, deposits(account, 0, 12));
      }
      String model = env.model("tly");
      projections =
          env.projections()
              .batchSize(500)
              .retry(QUICK)
              .add(
                  TrackingProjection.named("tallies")
                      .readModel(model, Tally.class)
                      .projector(models -> tallies(models.repository(model, Tally.class))))
              .build();
      projections.start();
      LoggedMessage last = lastOf(36);

      assertThat(projections.awaitCheckpoint(last.checkpoint(), WAIT))
          .as("caught up, not parked: %s", projections.status("tallies"))
          .isTrue();
      // Not even once did the projector fail and run again (a retry would not use the cache).
      assertThat(projections.status("tallies").lastError()).isEmpty();
      ReadModelRepository<Tally> tallies = projections.readModel(model, Tally.class);
      // Removed at playhead 5, then counted again from playhead 6 to 11; c removed at 11 again.
      assertThat(tallies.findAll())
          .containsExactlyInAnyOrder(new Tally("a", "even", 6), new Tally("b", "even", 6));
      assertThat(tallies.findBy("parity", "even")).hasSize(2);
    }

    @Test
    void a_model_that_cannot_be_written_parks_the_projection_at_the_event_that_saved_it()
        throws Exception {
      env.store().append("a", deposits("a", 0, 10));
      List<LoggedMessage> log = lastEvents(10);
      String model = env.model("nte");
      projections =
          env.projections()
              .batchSize(500)
              .retry(QUICK)
              .add(
                  TrackingProjection.named("notes")
                      .readModel(model, Note.class)
                      .projector(models -> notes(models.repository(model, Note.class))))
              .build();
      projections.start();

      eventually(() -> projections.status("notes").parked().isPresent(), "the park");
      ProjectionStatus status = projections.status("notes");
      assertThat(status.parked().orElseThrow().checkpoint()).isEqualTo(log.get(6).checkpoint());
      assertThat(status.checkpoint()).isEqualTo(log.get(5).checkpoint());
      assertThat(projections.readModel(model, Note.class).findAll())
          .extracting(Note::id)
          .containsExactlyInAnyOrder("a@0", "a@1", "a@2", "a@3", "a@4", "a@5");
    }

    private static Projector tallies(ReadModelRepository<Tally> tallies) {
      return new Projector() {
        {
          on(Deposited.class, (event, message) -> count(message));
        }

        private void count(DomainMessage message) {
          String id = message.aggregateId();
          if (message.playhead() == 5 || (id.equals("c") && message.playhead() == 11)) {
            tallies.remove(id);
            check(tallies.find(id).isEmpty(), "a removed tally is still found", message);
            return;
          }
          long count = tallies.find(id).map(Tally::count).orElse(0L) + 1;
          var tally = new Tally(id, count % 2 == 0 ? "even" : "odd", count);
          tallies.save(tally);
          check(tallies.find(id).orElseThrow().equals(tally), "find misses the save", message);
          check(
              tallies.findBy("parity", tally.parity()).contains(tally),
              "findBy misses the save",
              message);
        }
      };
    }

    private static Projector notes(ReadModelRepository<Note> notes) {
      return new Projector() {
        {
          on(
              Deposited.class,
              (event, message) -> {
                String id = message.aggregateId() + "@" + message.playhead();
                notes.save(new Note(id, message.playhead() == 6 ? new Object() : "fine"));
              });
        }
      };
    }

    private static void check(boolean holds, String what, DomainMessage message) {
      if (!holds) {
        throw new IllegalStateException(what + " at playhead " + message.playhead());
      }
    }

    private LoggedMessage lastOf(int events) throws InterruptedException {
      List<LoggedMessage> log = lastEvents(events);
      return log.get(log.size() - 1);
    }

    /** Waits until the log shows the test's events; on PostgreSQL it may lag a moment. */
    private List<LoggedMessage> lastEvents(int events) throws InterruptedException {
      eventually(
          () -> env.log().read(Checkpoint.beginning(), events).size() == events,
          events + " events in the log");
      return env.log().read(Checkpoint.beginning(), events);
    }
  }

  @Nested
  class InMemory extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return ProjectionEnvironment.inMemory();
    }
  }

  @Nested
  class OnH2 extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends Cases {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.MARIADB);
    }
  }
}
