package dev.boulevard.readmodel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.contract.ContractModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the JDBC storage does beyond the contract: tables, transactions and failures. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class JdbcStorageCases {

  @RegisterExtension final TestTables tables;

  /** Another read model, to show that one name holds one type. */
  record Other(String id) implements ReadModel {}

  JdbcStorageCases(TestDatabase database) {
    this.tables = new TestTables(database);
  }

  JdbcReadModelStorage storage() {
    return tables.storage();
  }

  ReadModelRepository<ContractModel> fresh() {
    return tables.fresh(ContractModel.class);
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = tables.database().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static ContractModel model(String id) {
    return ContractModel.of(id, "name of " + id);
  }

  /** {@return what a repository finds under an id when asked from another thread} */
  static Optional<ContractModel> findElsewhere(ReadModelRepository<ContractModel> repo, String id) {
    return CompletableFuture.supplyAsync(() -> repo.find(id)).join();
  }

  @Test
  void detects_the_dialect_and_keeps_the_data_source() {
    var expected = Dialect.valueOf(tables.database().name());

    assertThat(storage().dialect()).isEqualTo(expected);
    assertThat(storage().dataSource()).isSameAs(tables.database().dataSource());
    assertThat(storage().isTransactional()).isTrue();
  }

  @Test
  void returns_the_same_repository_for_a_name_and_refuses_another_type() {
    String name = tables.newName();
    var repository = storage().repository(name, ContractModel.class);

    assertThat(storage().repository(name, ContractModel.class)).isSameAs(repository);
    assertThatThrownBy(() -> storage().repository(name, Other.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(Other.class.getName());
  }

  @Test
  void refuses_a_name_that_is_not_a_plain_table_name() {
    for (String name : new String[] {"1st", "a-b", "a; DROP TABLE x", "", "n".repeat(41)}) {
      assertThatThrownBy(() -> storage().repository(name, ContractModel.class))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("table name");
    }
  }

  @Test
  void refuses_a_name_ending_in_fields_which_would_be_the_index_table_of_another() {
    String name = tables.newName();
    var repository = storage().repository(name, ContractModel.class);
    repository.save(model("m-1"));

    for (String fields : new String[] {name + "_fields", name + "_FIELDS", "_fields"}) {
      assertThatThrownBy(() -> storage().repository(fields, ContractModel.class))
          .as(fields)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("_fields")
          .hasMessageContaining(fields);
      assertThatThrownBy(() -> storage().drop(fields))
          .as(fields)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(fields);
    }
    assertThat(repository.findBy("name", "name of m-1")).containsExactly(model("m-1"));
  }

  @Test
  void refuses_to_drop_a_name_that_is_not_valid() {
    for (String name : new String[] {"1st", "a-b", "a; DROP TABLE x", "", null}) {
      assertThatThrownBy(() -> storage().drop(name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("table name");
    }
  }

  @Test
  void saving_again_writes_only_the_index_entries_that_changed() {
    var counting = new CountingDataSource(tables.database().dataSource());
    var storage = JdbcReadModelStorage.create(counting.dataSource());
    String name = tables.newName();
    String fields = name + "_fields";
    var repository = storage.repository(name, ContractModel.class);
    repository.save(model("m-1").withTags("a", "b", "c"));
    repository.save(model("m-2").withTags("a"));

    counting.reset();
    var grown = model("m-1").withTags("a", "b", "c", "d");
    repository.save(grown);

    assertThat(counting.rows("INSERT INTO " + fields)).isEqualTo(1);
    assertThat(counting.rows("DELETE FROM " + fields)).isZero();

    counting.reset();
    var changed = grown.withName("renamed").withTags("b", "c", "d", "e");
    repository.save(changed);

    assertThat(counting.rows("INSERT INTO " + fields)).isEqualTo(2); // the name and e
    assertThat(counting.rows("DELETE FROM " + fields)).isEqualTo(2); // the old name and a

    counting.reset();
    repository.save(changed);

    assertThat(counting.rows("INSERT INTO " + fields)).isZero();
    assertThat(counting.rows("DELETE FROM " + fields)).isZero();
    assertThat(repository.findBy("tags", "a")).containsExactly(model("m-2").withTags("a"));
    assertThat(repository.findBy("tags", "e")).containsExactly(changed);
    assertThat(repository.findBy("name", "renamed")).containsExactly(changed);
    assertThat(repository.findBy("name", "name of m-1")).isEmpty();
  }

  @Test
  void drops_both_tables_and_creates_them_empty_when_asked_again() {
    String name = tables.newName();
    storage().repository(name, ContractModel.class).save(model("m-1"));

    storage().drop(name);

    assertThatThrownBy(() -> execute("SELECT 1 FROM " + name)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> execute("SELECT 1 FROM " + name + "_fields"))
        .isInstanceOf(SQLException.class);
    var again = storage().repository(name, ContractModel.class);
    assertThat(again.findAll()).isEmpty();
    assertThat(again.findBy("name", "name of m-1")).isEmpty();
    storage().drop(tables.newName()); // one that does not exist
  }

  @Test
  void commits_the_saves_of_a_transaction_together() {
    var first = fresh();
    var second = fresh();

    String result =
        storage()
            .inTransaction(
                () -> {
                  first.save(model("m-1"));
                  second.save(model("m-2"));
                  assertThat(findElsewhere(first, "m-1")).isEmpty();
                  assertThat(first.find("m-1")).contains(model("m-1"));
                  return "done";
                });

    assertThat(result).isEqualTo("done");
    assertThat(findElsewhere(first, "m-1")).contains(model("m-1"));
    assertThat(findElsewhere(second, "m-2")).contains(model("m-2"));
  }

  @Test
  void rolls_back_every_save_and_rethrows_when_the_work_throws() {
    var first = fresh();
    var second = fresh();
    first.save(model("m-0"));
    var failure = new IllegalStateException("the projector failed");

    assertThatThrownBy(
            () ->
                storage()
                    .inTransaction(
                        () -> {
                          first.save(model("m-1"));
                          first.remove("m-0");
                          second.save(model("m-2"));
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(first.findAll()).containsExactly(model("m-0"));
    assertThat(second.findAll()).isEmpty();
    second.save(model("m-3")); // outside, in a transaction of its own again
    assertThat(findElsewhere(second, "m-3")).isPresent();
  }

  @Test
  void joins_the_transaction_bound_to_the_thread() {
    var repository = fresh();

    assertThatThrownBy(
            () ->
                storage()
                    .inHandle(
                        outer -> {
                          Handle inner = storage().inHandle(handle -> handle);
                          assertThat(inner).isSameAs(outer);
                          storage()
                              .inTransaction(
                                  () -> {
                                    repository.save(model("m-1"));
                                    return null;
                                  });
                          assertThat(findElsewhere(repository, "m-1")).isEmpty();
                          throw new IllegalStateException("roll back the joined work too");
                        }))
        .hasMessageContaining("roll back");

    assertThat(repository.findAll()).isEmpty();
  }

  @Test
  void creates_tables_outside_the_transaction_without_committing_it() {
    var repository = fresh();

    assertThatThrownBy(
            () ->
                storage()
                    .inTransaction(
                        () -> {
                          repository.save(model("m-1"));
                          storage().repository(tables.newName(), ContractModel.class);
                          throw new IllegalStateException("roll back");
                        }))
        .hasMessage("roll back");

    assertThat(repository.findAll()).isEmpty();
  }

  @Test
  void reports_a_stored_document_it_cannot_read_naming_the_read_model_and_id() throws Exception {
    String name = tables.newName();
    var repository = storage().repository(name, ContractModel.class);
    repository.save(model("m-1"));

    execute("UPDATE " + name + " SET document = '{\"id\": \"m-1\", \"age\": \"old\"}'");

    for (Runnable read :
        new Runnable[] {
          () -> repository.find("m-1"),
          repository::findAll,
          () -> repository.findBy("name", "name of m-1")
        }) {
      assertThatThrownBy(read::run)
          .isInstanceOf(ReadModelException.class)
          .hasMessageContaining("'" + name + "'")
          .hasMessageContaining("'m-1'")
          .hasMessageContaining("age");
    }
  }

  @Test
  void reports_a_database_failure_naming_the_read_model_and_id() throws Exception {
    String name = tables.newName();
    var repository = storage().repository(name, ContractModel.class);
    execute("DROP TABLE " + name);

    assertThatThrownBy(() -> repository.save(model("m-1")))
        .isInstanceOf(ReadModelException.class)
        .hasMessageContaining("'" + name + "'")
        .hasMessageContaining("'m-1'")
        .hasCauseInstanceOf(org.jdbi.v3.core.JdbiException.class);
    assertThatThrownBy(repository::findAll)
        .isInstanceOf(ReadModelException.class)
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void refuses_a_model_jackson_cannot_write_naming_it() {
    var repository = storage().repository(tables.newName(), Unwritable.class);

    assertThatThrownBy(() -> repository.save(new Unwritable("u-1", new Object())))
        .isInstanceOf(ReadModelException.class)
        .hasMessageContaining("'u-1'");
    assertThat(repository.findAll()).isEmpty();
  }

  /** A model whose second field Jackson cannot write. */
  record Unwritable(String id, Object value) implements ReadModel {}
}
