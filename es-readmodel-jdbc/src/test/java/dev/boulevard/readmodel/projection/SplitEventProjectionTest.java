package dev.boulevard.readmodel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.jdbc.RawRows;
import dev.boulevard.eventstore.jdbc.RawRows.Row;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.serializer.jackson.JsonEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tracking projections over rows that an upcaster splits into several events: each piece is
 * projected exactly once across restarts, rebuilds and retries, because a checkpoint never falls
 * between the pieces of one row.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SplitEventProjectionTest {

  /** Reads {@code contract.bulk-deposited} v1 {@code {"account","amounts":[...]}} as deposits. */
  static final JacksonSerializer SPLITTING =
      JacksonSerializer.builder(
              EventTypeRegistry.builder()
                  .register("contract.opened", ContractEvent.Opened.class)
                  .register("contract.deposited", ContractEvent.Deposited.class)
                  .register("contract.withdrawn", ContractEvent.Withdrawn.class)
                  .build())
          .upcaster(
              "contract.bulk-deposited",
              1,
              (event, metadata) -> {
                var deposits = new ArrayList<JsonEvent>();
                for (JsonNode amount : event.payload().get("amounts")) {
                  ObjectNode deposit = event.payload().objectNode();
                  deposit.set("account", event.payload().get("account"));
                  deposit.set("amount", amount);
                  deposits.add(new JsonEvent("contract.deposited", 1, deposit));
                }
                return deposits;
              })
          .build();

  /** The ids of the events a projector took in for one account, in order. */
  record Pieces(String id, List<String> events) implements ReadModel {
    Pieces plus(DomainMessage message) {
      var taken = new ArrayList<>(events);
      taken.add(message.eventId().toString());
      return new Pieces(id, taken);
    }
  }

  @Nested
  class OnH2 extends SplitBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends SplitBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends SplitBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  @Timeout(120)
  abstract static class SplitBehaviour {

    private final TestDatabase database;
    private JdbcProjectionEnvironment env;
    private final List<Projections> runners = new ArrayList<>();
    private volatile Predicate<DomainMessage> failOn = message -> false;

    SplitBehaviour(TestDatabase database) {
      this.database = database;
    }

    @BeforeEach
    void createTables() {
      env = new JdbcProjectionEnvironment(database, SPLITTING);
    }

    @AfterEach
    void dropTables() throws Exception {
      runners.forEach(Projections::close);
      env.close();
    }

    /** Rows {@code from} to {@code to}: accounts a and b in turn, every third row split in 3. */
    private long storeRows(int from, int to) throws Exception {
      var rows = new ArrayList<Row>();
      for (int i = from; i < to; i++) {
        String account = i % 2 == 0 ? "a" : "b";
        long playhead = i / 2;
        rows.add(
            i % 3 == 0
                ? Row.of(
                    account,
                    playhead,
                    "contract.bulk-deposited",
                    1,
                    "{\"account\":\"" + account + "\",\"amounts\":[1,2,3]}")
                : Row.of(
                    account,
                    playhead,
                    "contract.deposited",
                    1,
                    "{\"account\":\"" + account + "\",\"amount\":10}"));
      }
      List<Long> positions = RawRows.insert(database, env.eventTable(), rows);
      return positions.get(positions.size() - 1);
    }

    private TrackingProjection pieces(String model) {
      return TrackingProjection.named("pieces")
          .readModel(model, Pieces.class)
          .projector(models -> projector(models.repository(model, Pieces.class)));
    }

    private Projector projector(ReadModelRepository<Pieces> pieces) {
      return new Projector() {
        {
          on(
              ContractEvent.Deposited.class,
              (deposited, message) -> {
                if (failOn.test(message)) {
                  throw new IllegalStateException("Refusing " + message.eventId());
                }
                String id = message.aggregateId();
                pieces.save(
                    pieces.find(id).orElseGet(() -> new Pieces(id, List.of())).plus(message));
              });
        }
      };
    }

    private Projections started(ProjectionsBuilder builder) {
      Projections projections = builder.retry(ProjectionEnvironment.QUICK).build();
      runners.add(projections);
      projections.start();
      return projections;
    }

    /** {@return every event id of the log, by account, in order, read in batches of 1000} */
    private Map<String, List<String>> expected() {
      var events = new LinkedHashMap<String, List<String>>();
      Checkpoint after = Checkpoint.beginning();
      for (List<LoggedMessage> batch = env.log().read(after, 1000);
          !batch.isEmpty();
          batch = env.log().read(after, 1000)) {
        for (LoggedMessage logged : batch) {
          events
              .computeIfAbsent(logged.message().aggregateId(), id -> new ArrayList<>())
              .add(logged.message().eventId().toString());
        }
        after = batch.get(batch.size() - 1).checkpoint();
      }
      return events;
    }

    /** Waits until the log can read a position: on PostgreSQL any open writer holds it back. */
    private void awaitReadable(long position) throws InterruptedException {
      ProjectionEnvironment.eventually(
          () -> env.log().checkpointAt(position).isPresent(), "position " + position);
    }

    private static Map<String, List<String>> projected(ReadModelRepository<Pieces> repository) {
      var events = new LinkedHashMap<String, List<String>>();
      repository.findAll().forEach(pieces -> events.put(pieces.id(), pieces.events()));
      return events;
    }

    @Test
    void a_runner_restarted_in_the_middle_and_a_rebuild_take_in_each_piece_once() throws Exception {
      String model = env.model("pcs");
      long middle = storeRows(0, 12);
      Projections first = started(env.projections().batchSize(2).add(pieces(model)));
      assertThat(first.awaitPosition(middle, ProjectionEnvironment.WAIT)).isTrue();
      first.close();

      long last = storeRows(12, 25);
      Projections second = started(env.projections().batchSize(2).add(pieces(model)));
      assertThat(second.awaitPosition(last, ProjectionEnvironment.WAIT)).isTrue();
      Map<String, List<String>> resumed = projected(second.readModel(model, Pieces.class));
      second.rebuild("pieces");
      ProjectionEnvironment.eventually(
          () -> second.status("pieces").rebuild().isEmpty(), "the rebuild");

      awaitReadable(last);
      Map<String, List<String>> expected = expected();
      assertThat(expected.get("a")).hasSize(13 + 2 * 5).doesNotHaveDuplicates();
      assertThat(resumed).isEqualTo(expected);
      assertThat(projected(second.readModel(model, Pieces.class))).isEqualTo(expected);
    }

    @Test
    void a_projector_that_fails_once_on_a_middle_piece_takes_in_the_whole_row_once()
        throws Exception {
      String model = env.model("pcs");
      long last = storeRows(0, 7);
      awaitReadable(last);
      List<String> row6 = expected().get("a").subList(5, 8); // row 6: a@3, split in 3
      Set<String> failed = ConcurrentHashMap.newKeySet();
      failOn = message -> message.eventId().toString().equals(row6.get(1)) && failed.add("once");

      Projections projections = started(env.projections().batchSize(20).add(pieces(model)));
      assertThat(projections.awaitPosition(last, ProjectionEnvironment.WAIT)).isTrue();

      assertThat(failed).containsExactly("once");
      assertThat(projected(projections.readModel(model, Pieces.class))).isEqualTo(expected());
      assertThat(projections.status("pieces").parked()).isEmpty();
    }
  }
}
