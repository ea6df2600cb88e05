package dev.boulevard.readmodel.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.spi.FieldIndex;
import dev.boulevard.readmodel.spi.ModelChecks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The documents of one read model in its two tables; every operation joins the storage's
 * transaction on this thread or runs in one of its own.
 */
final class JdbcReadModelRepository<T extends ReadModel> implements ReadModelRepository<T> {

  private final JdbcReadModelStorage storage;
  private final ReadModelSql sql;
  private final Class<T> type;
  private final ObjectMapper mapper;
  private final FieldIndex index;

  JdbcReadModelRepository(
      JdbcReadModelStorage storage, ReadModelSql sql, Class<T> type, ObjectMapper mapper) {
    this.storage = storage;
    this.sql = sql;
    this.type = type;
    this.mapper = mapper;
    this.index = new FieldIndex(mapper);
  }

  /** {@return this repository as one of the requested type, which must be its own} */
  @SuppressWarnings("unchecked") // checked: the type is the one this repository reads
  <R extends ReadModel> JdbcReadModelRepository<R> as(Class<R> requested) {
    if (!type.equals(requested)) {
      throw new IllegalArgumentException(
          "Read model '"
              + sql.table()
              + "' holds "
              + type.getName()
              + ", not "
              + requested.getName());
    }
    return (JdbcReadModelRepository<R>) this;
  }

  @Override
  public void save(T model) {
    String id = ModelChecks.requireSavable(model);
    String document;
    Set<FieldIndex.Entry> entries;
    try {
      JsonNode tree = mapper.valueToTree(model);
      document = mapper.writeValueAsString(tree);
      entries = index.entriesOf(tree);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new ReadModelException(
          "Cannot write model '" + id + "' of read model '" + sql.table() + "' as JSON", e);
    }
    run(
        "save model '" + id + "' of",
        handle -> {
          upsert(handle, id, document);
          writeEntries(handle, id, entries);
          return null;
        });
  }

  /**
   * Inserts or replaces a model's document, which locks its row until the transaction ends, so that
   * saves of the same id, new or not, run one after the other from here on.
   *
   * <p>On H2 2.3, a {@code MERGE} that finds another transaction's uncommitted insert of the same
   * id does not fail with a duplicate key: H2 runs the statement again, in a busy loop, until that
   * transaction ends, then updates the committed row or inserts anew, or gives up after the lock
   * timeout as for any locked row.
   */
  private void upsert(Handle handle, String id, String document) {
    handle.createUpdate(sql.upsert()).bind(0, id).bind(1, document).execute();
  }

  /**
   * Makes a model's index entries the given ones, deleting and inserting only those that changed: a
   * model whose array grows by one element writes one row, not all of them again.
   */
  private void writeEntries(Handle handle, String id, Set<FieldIndex.Entry> entries) {
    Set<FieldIndex.Entry> stored =
        new HashSet<>(
            handle
                .createQuery(sql.selectFields())
                .bind(0, id)
                .map((rs, context) -> new FieldIndex.Entry(rs.getString(1), rs.getString(2)))
                .list());
    var removed = new ArrayList<FieldIndex.Entry>();
    for (FieldIndex.Entry entry : stored) {
      if (!entries.contains(entry)) {
        removed.add(entry);
      }
    }
    var added = new ArrayList<FieldIndex.Entry>();
    for (FieldIndex.Entry entry : entries) {
      if (!stored.contains(entry)) {
        added.add(entry);
      }
    }
    executeBatch(handle, sql.deleteField(), id, removed);
    executeBatch(handle, sql.insertField(), id, added);
  }

  /** Runs a statement bound to (model id, field, key) once per entry, in one batch. */
  private static void executeBatch(
      Handle handle, String statement, String id, List<FieldIndex.Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(statement);
    for (FieldIndex.Entry entry : entries) {
      batch.bind(0, id).bind(1, entry.field()).bind(2, entry.key()).add();
    }
    batch.execute();
  }

  @Override
  public Optional<T> find(String id) {
    ModelChecks.requireId(id);
    return run(
            "find model '" + id + "' of",
            handle -> list(handle.createQuery(sql.find()).bind(0, id)))
        .stream()
        .findFirst();
  }

  @Override
  public List<T> findBy(Map<String, ?> fields) {
    List<FieldIndex.Entry> clauses = index.clauses(fields);
    if (clauses.isEmpty()) {
      return List.of();
    }
    return run(
        "find models by fields of",
        handle -> {
          Query query = handle.createQuery(sql.findBy(clauses.size()));
          int position = 0;
          for (FieldIndex.Entry clause : clauses) {
            query.bind(position++, clause.field()).bind(position++, clause.key());
          }
          return list(query);
        });
  }

  @Override
  public List<T> findAll() {
    return run("find all models of", handle -> list(handle.createQuery(sql.findAll())));
  }

  @Override
  public void remove(String id) {
    ModelChecks.requireId(id);
    run(
        "remove model '" + id + "' from",
        handle -> {
          // the document first, locking its row as a save does, so that the two cannot deadlock
          handle.createUpdate(sql.deleteDocument()).bind(0, id).execute();
          handle.createUpdate(sql.deleteFields()).bind(0, id).execute();
          return null;
        });
  }

  private List<T> list(Query query) {
    return query.map(this::read).list();
  }

  private T read(ResultSet rs, StatementContext context) throws SQLException {
    String id = rs.getString(1);
    String document = rs.getString(2);
    try {
      return mapper.readValue(document, type);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ReadModelException(
          "Cannot read model '"
              + id
              + "' of read model '"
              + sql.table()
              + "' as "
              + type.getName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Runs work in the storage's transaction, turning failures into ones that say what failed. */
  private <R> R run(String what, Function<Handle, R> work) {
    var fromWork = new ReadModelException[1];
    try {
      return storage.inHandle(
          handle -> {
            try {
              return work.apply(handle);
            } catch (JdbiException e) {
              throw fromWork[0] = failure(what, e);
            } catch (ReadModelException e) {
              throw fromWork[0] = e;
            }
          });
    } catch (ReadModelException e) {
      throw e == fromWork[0] ? e : failure(what, e);
    }
  }

  private ReadModelException failure(String what, Exception cause) {
    return new ReadModelException(
        "Cannot " + what + " read model '" + sql.table() + "': " + cause.getMessage(), cause);
  }
}
