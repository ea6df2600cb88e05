package dev.boulevard.eventstore.jdbc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The shipped SQL files of one kind of table, which a {@link JdbcSchema} applies or validates: the
 * files {@code <anchor's package>/sql/<dialect>/<kind>/V<n>__<description>.sql} in the anchor's
 * jar, each with a {@code ${table}} placeholder for the table's name, in the layout that Flyway
 * reads with one location per kind and dialect.
 *
 * <p>Each version names the columns it adds to each of its tables, which {@link
 * JdbcSchema#validate()} looks for through JDBC metadata. A module that ships tables of its own,
 * such as the read side's projections and outbox, describes them with this:
 *
 * <pre>{@code
 * SchemaScripts outbox = new SchemaScripts(JdbcReadModelStorage.class, "outbox", List.of(
 *     new SchemaScripts.Version("V1__create_outbox_table.sql",
 *         Map.of("", List.of("id", "process_name", "due_at")))));
 * JdbcSchema.of(dataSource, "orders_outbox", Dialect.POSTGRESQL, outbox).migrate();
 * }</pre>
 *
 * @param anchor a class in the package under which the files lie, and in the same module and jar
 * @param kind the folder of this kind of table under each dialect's, such as {@code events}
 * @param versions the files, in the order they are applied
 */
public record SchemaScripts(Class<?> anchor, String kind, List<Version> versions) {

  private static final Pattern KIND = Pattern.compile("[a-z0-9_]+");
  private static final Pattern FILE = Pattern.compile("V[0-9]+__[A-Za-z0-9_]+\\.sql");

  /**
   * Checks and copies the description.
   *
   * @throws IllegalArgumentException if the kind is not lower-case letters, digits and underscores,
   *     or there is no version
   */
  public SchemaScripts {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(kind, "kind");
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "A kind of table is a folder name of lower-case letters, digits and underscores; got '"
              + kind
              + "'");
    }
    versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("The scripts of '" + kind + "' need at least one version");
    }
  }

  /**
   * {@return the classpath folder of the files for a dialect, such as {@code
   * dev/boulevard/eventstore/jdbc/sql/postgresql/events}}
   */
  public String folder(Dialect dialect) {
    Objects.requireNonNull(dialect, "dialect");
    return anchor.getPackageName().replace('.', '/') + "/sql/" + dialect.folder() + "/" + kind;
  }

  /**
   * {@return Flyway's location of the files for a dialect, such as {@code
   * classpath:dev/boulevard/eventstore/jdbc/sql/postgresql/events}}
   */
  public String flywayLocation(Dialect dialect) {
    return "classpath:" + folder(dialect);
  }

  /** {@return the file names of the versions, in order} */
  public List<String> files() {
    return versions.stream().map(Version::file).toList();
  }

  /**
   * One shipped file and the columns it adds.
   *
   * @param file the file's name, such as {@code V1__create_event_table.sql}, which is also the
   *     version that {@link JdbcSchema#migrate()} records
   * @param columns the columns the file adds, by the suffix of their table's name: the empty suffix
   *     for the table itself, {@code _decisions} for {@code <table>_decisions}
   */
  public record Version(String file, Map<String, List<String>> columns) {

    /**
     * Checks and copies the version.
     *
     * @throws IllegalArgumentException if the file is not named {@code V<n>__<description>.sql}
     */
    public Version {
      Objects.requireNonNull(file, "file");
      if (!FILE.matcher(file).matches()) {
        throw new IllegalArgumentException(
            "A shipped SQL file is named V<number>__<description>.sql; got '" + file + "'");
      }
      var sorted = new TreeMap<String, List<String>>();
      Objects.requireNonNull(columns, "columns")
          .forEach((suffix, names) -> sorted.put(suffix, List.copyOf(names)));
      columns = java.util.Collections.unmodifiableMap(sorted);
    }

    /**
     * Describes a file that adds no column, such as one that creates triggers or drops an index.
     *
     * @param file the file's name
     * @return the version
     */
    public static Version of(String file) {
      return new Version(file, Map.of());
    }
  }
}
