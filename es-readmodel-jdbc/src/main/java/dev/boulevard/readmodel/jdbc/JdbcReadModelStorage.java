package dev.boulevard.readmodel.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.SchemaLock;
import dev.boulevard.eventstore.jdbc.SchemaMigrationException;
import dev.boulevard.eventstore.jdbc.SchemaMode;
import dev.boulevard.eventstore.jdbc.SchemaValidationException;
import dev.boulevard.eventstore.jdbc.StorageFailures;
import dev.boulevard.eventstore.jdbc.TableName;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.spi.ModelChecks;
import dev.boulevard.readmodel.spi.Outbox;
import dev.boulevard.readmodel.spi.ProjectionStore;
import dev.boulevard.serializer.jackson.JacksonMappers;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Stores read models as JSON documents on PostgreSQL, MariaDB or H2, one table per read model and
 * one of its fields for {@code findBy}; thread-safe.
 *
 * <p>A transaction is bound to the thread that opened it: on that thread, {@link #inTransaction}
 * and {@link #inHandle} join it, and so does every repository of this storage, which otherwise runs
 * each operation in a short transaction of its own. Pass {@link #inHandle}'s handle to {@code
 * JdbcEventStore.append(Handle, ...)} to append events in the same transaction. On MariaDB the
 * transactions this storage opens run at READ COMMITTED, so that concurrent saves do not deadlock
 * on gap locks.
 *
 * <p>A save locks its model's row until its transaction ends, and a save of the same id, even a new
 * one, waits for it: on PostgreSQL without a limit by default, on MariaDB for {@code
 * innodb_lock_wait_timeout}, and on H2 for its {@code LOCK_TIMEOUT}, which is one second unless the
 * URL sets it, before it fails. A save writes only the index entries of its model that changed.
 *
 * <p>Tables are created and dropped on connections of their own, outside any transaction, since
 * MariaDB commits a transaction at DDL: do not drop a read model inside a transaction that has
 * written to it, which would wait for itself. They are created from the SQL files shipped in this
 * jar, {@code dev/boulevard/readmodel/jdbc/sql/<dialect>/{readmodel,projections,outbox}/V*.sql},
 * which record their versions in {@code <table>_schema_version}; built with {@link
 * Builder#schema(SchemaMode) schema(SchemaMode.VALIDATE)}, the storage runs no DDL at start and
 * only checks that its tables exist, for teams that create them with Flyway from the same files.
 *
 * <p>A read model named {@code <name>} has the tables {@code <name>} and {@code <name>_fields}, so
 * no name may end in {@code _fields}. Names are written into SQL unquoted, and PostgreSQL folds
 * unquoted names to lower case and H2 to upper case: there, names that differ only in case, such as
 * {@code Accounts} and {@code accounts}, are the same tables, although this storage hands out a
 * repository for each (MariaDB on Linux keeps them apart by default). Spell each read model's name
 * one way, lower case being the safest.
 */
public final class JdbcReadModelStorage implements ReadModelStorage {

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ObjectMapper mapper;
  private final SchemaMode schemaMode;
  private final Jdbi jdbi;
  private final ThreadLocal<Handle> bound = new ThreadLocal<>();
  private final Map<String, JdbcReadModelRepository<?>> repositories = new ConcurrentHashMap<>();
  private final Map<String, JdbcProjectionStore> projectionStores = new ConcurrentHashMap<>();
  private final Map<String, JdbcOutbox> outboxes = new ConcurrentHashMap<>();

  private JdbcReadModelStorage(Builder builder) {
    this.dataSource = builder.dataSource;
    this.dialect = builder.dialect != null ? builder.dialect : Dialect.detect(dataSource);
    this.mapper = builder.mapper;
    this.schemaMode = builder.schemaMode;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Creates a storage with the dialect detected and the {@link JacksonMappers#defaults() default
   * mapper}.
   *
   * @param dataSource where the tables live
   * @return the storage
   */
  public static JdbcReadModelStorage create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Starts building a storage.
   *
   * @param dataSource where the tables live
   * @return a builder with the dialect detected and the default mapper
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** {@return the database this storage runs on} */
  public Dialect dialect() {
    return dialect;
  }

  /** {@return where the tables live} */
  public DataSource dataSource() {
    return dataSource;
  }

  /** {@return whether this storage creates its tables or only validates them} */
  public SchemaMode schemaMode() {
    return schemaMode;
  }

  /**
   * Returns the repository of a named read model, creating its tables if they do not exist; the
   * same repository for the same name until it is dropped.
   *
   * @throws IllegalArgumentException if the name is not valid, or the read model exists with
   *     another type
   * @throws ReadModelException if the tables cannot be created
   * @throws SchemaValidationException if the storage {@linkplain Builder#schema validates} and a
   *     table or column is missing
   */
  @Override
  public <T extends ReadModel> ReadModelRepository<T> repository(String name, Class<T> type) {
    ModelChecks.requireName(name);
    Objects.requireNonNull(type, "type");
    JdbcReadModelRepository<?> repository =
        repositories.computeIfAbsent(name, key -> createTables(key, type));
    return repository.as(type);
  }

  private <T extends ReadModel> JdbcReadModelRepository<T> createTables(
      String name, Class<T> type) {
    // JdbcSchema runs DDL on a connection of its own, under the SchemaLock, from the shipped files;
    // tables created before the files existed are kept as they are.
    try {
      JdbcSchema.of(dataSource, name, dialect, ReadSideScripts.READ_MODEL).apply(schemaMode);
    } catch (SchemaMigrationException e) {
      throw new ReadModelException("Cannot create the tables of read model '" + name + "'", e);
    }
    return new JdbcReadModelRepository<>(this, new ReadModelSql(dialect, name), type, mapper);
  }

  /**
   * Drops the tables of a named read model; dropping one that does not exist does nothing.
   *
   * @throws IllegalArgumentException if the name is not valid, as {@link #repository} checks it
   * @throws ReadModelException if the tables cannot be dropped
   */
  @Override
  public void drop(String name) {
    ModelChecks.requireName(name);
    repositories.remove(name);
    var sql = new ReadModelSql(dialect, name);
    onOwnConnection("drop the tables of", name, handle -> sql.drop().forEach(handle::execute));
  }

  /** Runs DDL on a connection of its own, under the database's {@link SchemaLock}. */
  private void onOwnConnection(String action, String name, Consumer<Handle> ddl) {
    try (Handle handle = jdbi.open()) {
      SchemaLock.holding(handle.getConnection(), dialect, () -> ddl.accept(handle));
    } catch (SQLException | JdbiException e) {
      throw new ReadModelException("Cannot " + action + " read model '" + name + "'", e);
    }
  }

  /** Runs work in a transaction; see {@link #inHandle}. */
  @Override
  public <R> R inTransaction(Supplier<R> work) {
    Objects.requireNonNull(work, "work");
    return inHandle(handle -> work.get());
  }

  /**
   * Runs work with the handle of this thread's transaction, joining it, or else in a new
   * transaction bound to this thread until it commits, or rolls back if the work throws.
   *
   * @param work the work, given a handle whose transaction is open
   * @param <R> what the work returns
   * @return what the work returned
   * @throws ReadModelException if a new transaction cannot be opened or committed
   */
  public <R> R inHandle(Function<Handle, R> work) {
    Objects.requireNonNull(work, "work");
    Handle joined = bound.get();
    if (joined != null) {
      return work.apply(joined);
    }
    var transaction = Transaction.begin(jdbi, dialect);
    bound.set(transaction.handle());
    R result;
    try {
      result = work.apply(transaction.handle());
    } catch (RuntimeException | Error e) {
      bound.remove();
      transaction.rollback(e);
      throw e;
    }
    bound.remove();
    transaction.commit();
    return result;
  }

  /** {@return true: writes in {@link #inTransaction} commit together} */
  @Override
  public boolean isTransactional() {
    return true;
  }

  /**
   * Returns the projection store in the tables {@code <name>} and {@code <name>_decisions},
   * creating them if they do not exist; the same store for the same name.
   *
   * @throws IllegalArgumentException if the name is not a valid table name
   * @throws ReadModelException if the tables cannot be created
   * @throws SchemaValidationException if the storage {@linkplain Builder#schema validates} and a
   *     table or column is missing
   */
  @Override
  public ProjectionStore projectionStore(String name) {
    return projectionStores.computeIfAbsent(
        TableName.check(name), table -> new JdbcProjectionStore(this, table));
  }

  /**
   * Returns the outbox in the table {@code <name>}, creating it if it does not exist; the same
   * outbox for the same name.
   *
   * @throws IllegalArgumentException if the name is not a valid table name
   * @throws ReadModelException if the table cannot be created
   * @throws SchemaValidationException if the storage {@linkplain Builder#schema validates} and the
   *     table or a column is missing
   */
  @Override
  public Outbox outbox(String name) {
    return outboxes.computeIfAbsent(TableName.check(name), table -> new JdbcOutbox(this, table));
  }

  /** {@return true: read models, checkpoints and outbox are rows in the database} */
  @Override
  public boolean isDurable() {
    return true;
  }

  /**
   * {@return whether the failure is the database's and likely passes, as {@link
   * StorageFailures#isTransient} tells}
   */
  @Override
  public boolean isTransient(Throwable failure) {
    return StorageFailures.isTransient(failure);
  }

  /** Builds a {@link JdbcReadModelStorage}. */
  public static final class Builder {
    private final DataSource dataSource;
    private ObjectMapper mapper = JacksonMappers.defaults();
    private Dialect dialect;
    private SchemaMode schemaMode = SchemaMode.CREATE;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets the mapper that writes and reads the documents.
     *
     * @param mapper the mapper, which must not be changed afterwards
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the dialect instead of detecting it from the database.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Sets whether the storage creates the tables it uses when it first uses them ({@link
     * SchemaMode#CREATE}, the default) or runs no DDL and checks that they exist, with every column
     * ({@link SchemaMode#VALIDATE}), for tables that Flyway or a DBA created from the shipped SQL
     * files.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder schema(SchemaMode mode) {
      this.schemaMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** {@return the storage} */
    public JdbcReadModelStorage build() {
      return new JdbcReadModelStorage(this);
    }
  }
}
