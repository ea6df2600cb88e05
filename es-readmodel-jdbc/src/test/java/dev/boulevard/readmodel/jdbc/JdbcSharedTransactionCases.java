package dev.boulevard.readmodel.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ContractModel;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC storage's transactions shared with the event store, and saves racing on threads. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class JdbcSharedTransactionCases {

  private static final JacksonSerializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("contract.opened", ContractEvent.Opened.class)
              .build());
  private static final int THREADS = 8;

  @RegisterExtension final TestTables tables;
  private final List<String> eventTables = new ArrayList<>();

  JdbcSharedTransactionCases(TestDatabase database) {
    this.tables = new TestTables(database);
  }

  private JdbcEventStore eventStore() {
    String table = tables.newName() + "_ev";
    eventTables.add(table);
    JdbcSchema.eventStore(tables.database().dataSource(), table).withoutImmutability().migrate();
    return JdbcEventStore.builder(tables.database().dataSource(), SERIALIZER).table(table).build();
  }

  @AfterEach
  void dropEventTables() throws SQLException {
    try (Connection connection = tables.database().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : eventTables) {
        for (String suffix : List.of("", "_append_lock", "_schema_version")) {
          statement.execute("DROP TABLE IF EXISTS " + table + suffix);
        }
        if (tables.database() == TestDatabase.POSTGRESQL) {
          statement.execute("DROP FUNCTION IF EXISTS " + table + "_notify()");
        }
      }
    }
  }

  private static DomainEventStream opened(String account) {
    return DomainEventStream.of(message(account, 0, new ContractEvent.Opened(account, "Alice")));
  }

  @Test
  void commits_appended_events_and_saved_models_together() {
    var storage = tables.storage();
    var repository = tables.fresh(ContractModel.class);
    try (JdbcEventStore events = eventStore()) {
      storage.inHandle(
          handle -> {
            events.append(handle, "acc-1", opened("acc-1"));
            repository.save(ContractModel.of("acc-1", "Alice"));
            return null;
          });

      assertThat(events.loadFromPlayhead("acc-1", 0).size()).isEqualTo(1);
      assertThat(repository.find("acc-1")).isPresent();
    }
  }

  @Test
  void rolls_back_appended_events_and_saved_models_together() {
    var storage = tables.storage();
    var repository = tables.fresh(ContractModel.class);
    try (JdbcEventStore events = eventStore()) {
      assertThatThrownBy(
              () ->
                  storage.inHandle(
                      handle -> {
                        events.append(handle, "acc-1", opened("acc-1"));
                        repository.save(ContractModel.of("acc-1", "Alice"));
                        throw new IllegalStateException("the projection failed");
                      }))
          .hasMessage("the projection failed");

      assertThat(events.loadFromPlayhead("acc-1", 0).isEmpty()).isTrue();
      assertThat(repository.find("acc-1")).isEmpty();
    }
  }

  @Test
  @Timeout(120)
  void saves_distinct_models_from_many_threads() throws Exception {
    var repository = tables.fresh(ContractModel.class);
    int perThread = 40;

    race(
        thread -> {
          for (int i = 0; i < perThread; i++) {
            repository.save(
                ContractModel.of("t" + thread + "-" + i, "n" + i % 4).withTags("t" + thread));
          }
        });

    assertThat(repository.findAll()).hasSize(THREADS * perThread);
    assertThat(repository.findBy("name", "n0")).hasSize(THREADS * perThread / 4);
    for (int thread = 0; thread < THREADS; thread++) {
      assertThat(repository.findBy("tags", "t" + thread)).hasSize(perThread);
    }
  }

  @Test
  @Timeout(120)
  void saves_the_same_models_from_many_threads_consistently() throws Exception {
    var repository = tables.fresh(ContractModel.class);
    int ids = 10;
    int rounds = 15;

    race(
        thread -> {
          for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < ids; i++) {
              repository.save(
                  ContractModel.of("m-" + i, "thread " + thread)
                      .withAge(round)
                      .withTags("t" + thread, "r" + round));
            }
          }
        });

    List<ContractModel> all = repository.findAll();
    assertThat(all).extracting(ContractModel::id).hasSize(ids).doesNotHaveDuplicates();
    for (int thread = 0; thread < THREADS; thread++) {
      String name = "thread " + thread;
      String tag = "t" + thread;
      assertThat(repository.findBy("name", name))
          .containsExactlyElementsOf(all.stream().filter(m -> m.name().equals(name)).toList());
      assertThat(repository.findBy("tags", tag))
          .containsExactlyElementsOf(all.stream().filter(m -> m.tags().contains(tag)).toList());
    }
    for (ContractModel model : all) {
      assertThat(repository.findBy("age", model.age())).contains(model);
    }
  }

  @Test
  @Timeout(120)
  void saves_the_same_new_ids_from_many_threads_at_once() throws Exception {
    var repository = tables.fresh(ContractModel.class);
    int ids = 40;
    var together = new CyclicBarrier(THREADS);

    race(
        thread -> {
          for (int i = 0; i < ids; i++) {
            together.await(60, TimeUnit.SECONDS);
            repository.save(
                ContractModel.of("new-" + i, "thread " + thread).withTags("t" + thread, "all"));
          }
        });

    List<ContractModel> all = repository.findAll();
    assertThat(all)
        .extracting(ContractModel::id)
        .containsExactlyElementsOf(IntStream.range(0, ids).mapToObj(i -> "new-" + i).toList());
    assertThat(repository.findBy("tags", "all")).containsExactlyElementsOf(all);
    for (int thread = 0; thread < THREADS; thread++) {
      String name = "thread " + thread;
      String tag = "t" + thread;
      assertThat(repository.findBy("name", name))
          .containsExactlyElementsOf(all.stream().filter(m -> m.name().equals(name)).toList());
      assertThat(repository.findBy("tags", tag))
          .containsExactlyElementsOf(all.stream().filter(m -> m.tags().contains(tag)).toList());
    }
  }

  @Test
  @Timeout(60)
  void a_save_of_a_new_id_waits_for_an_uncommitted_save_of_it_then_replaces_it() throws Exception {
    var repository = tables.fresh(ContractModel.class);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      for (boolean commit : new boolean[] {true, false}) {
        String id = commit ? "committed" : "rolled-back";
        var first = ContractModel.of(id, "first").withTags("a", "b");
        var second = ContractModel.of(id, "second").withTags("b", "c");
        var waiting = new ArrayList<Future<?>>();

        Runnable holdingFirst =
            () ->
                tables
                    .storage()
                    .inTransaction(
                        () -> {
                          repository.save(first);
                          waiting.add(pool.submit(() -> repository.save(second)));
                          sleep(300);
                          assertThat(waiting.get(0)).as("waits for the first save").isNotDone();
                          if (!commit) {
                            throw new IllegalStateException("roll back the first save");
                          }
                          return null;
                        });
        if (commit) {
          holdingFirst.run();
        } else {
          assertThatThrownBy(holdingFirst::run).hasMessage("roll back the first save");
        }
        waiting.get(0).get(30, TimeUnit.SECONDS);

        assertThat(repository.find(id)).as(id).contains(second);
        assertThat(repository.findBy(Map.of("id", id, "tags", "c", "name", "second")))
            .as(id)
            .containsExactly(second);
        assertThat(repository.findBy(Map.of("id", id, "tags", "a"))).as(id).isEmpty();
        assertThat(repository.findBy(Map.of("id", id, "name", "first"))).as(id).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs work on every thread at once and rethrows the first failure, once all have ended. */
  private static void race(ThrowingWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      var start = new CountDownLatch(1);
      var futures = new ArrayList<Future<Void>>();
      for (int thread = 0; thread < THREADS; thread++) {
        int number = thread;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  work.run(number);
                  return null;
                }));
      }
      start.countDown();
      ExecutionException first = null;
      for (Future<Void> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (first == null || first.getCause() instanceof BrokenBarrierException) {
            first = e; // a thread's own failure, rather than others' broken barrier
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Work of one numbered thread. */
  interface ThrowingWork {
    void run(int thread) throws Exception;
  }
}
