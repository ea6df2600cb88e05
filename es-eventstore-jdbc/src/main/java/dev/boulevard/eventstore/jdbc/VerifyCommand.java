package dev.boulevard.eventstore.jdbc;

import dev.boulevard.BoulevardException;
import dev.boulevard.serializer.Serializer;
import java.io.PrintStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The command-line entry to the {@link HistoryVerifier}, for an application's {@code main}: parses
 * {@code --jdbc-url}, {@code --jdbc-user}, {@code --jdbc-password} and {@code --table}, verifies,
 * prints the report and answers an exit code: 0 when clean, 1 when something failed, 2 on a usage
 * error. Immutable and thread-safe.
 *
 * <pre>{@code
 * System.exit(VerifyCommand.of(serializer, AggregateFactories.all(factory))
 *     .defaultTable("account_events")
 *     .run(args, System.out, System.err));
 * }</pre>
 */
public final class VerifyCommand {

  /** The exit code of a clean history. */
  public static final int CLEAN = 0;

  /** The exit code when an event, an aggregate or the database failed. */
  public static final int FAILED = 1;

  /** The exit code of a usage error. */
  public static final int USAGE = 2;

  private final Serializer serializer;
  private final AggregateFactories aggregates;
  private final Options defaults;

  private record Options(String url, String user, String password, String table) {}

  private VerifyCommand(Serializer serializer, AggregateFactories aggregates, Options defaults) {
    this.serializer = serializer;
    this.aggregates = aggregates;
    this.defaults = defaults;
  }

  /**
   * Makes the command for an application's events.
   *
   * @param serializer the current serializer, with its upcasters
   * @param aggregates picks the factory of each aggregate to replay
   * @return the command, for the table {@code events} and no default connection
   */
  public static VerifyCommand of(Serializer serializer, AggregateFactories aggregates) {
    return new VerifyCommand(
        Objects.requireNonNull(serializer, "serializer"),
        Objects.requireNonNull(aggregates, "aggregates"),
        new Options(null, null, null, "events"));
  }

  /** {@return a copy that verifies the given table unless {@code --table} names another} */
  public VerifyCommand defaultTable(String table) {
    return new VerifyCommand(
        serializer,
        aggregates,
        new Options(defaults.url(), defaults.user(), defaults.password(), TableName.check(table)));
  }

  /**
   * Sets the database used unless the options name one.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null
   * @return a copy with that default
   */
  public VerifyCommand defaultConnection(
      String url, @Nullable String user, @Nullable String password) {
    return new VerifyCommand(
        serializer,
        aggregates,
        new Options(Objects.requireNonNull(url, "url"), user, password, defaults.table()));
  }

  /**
   * Parses the options, verifies and prints the report.
   *
   * @param args such as {@code --jdbc-url jdbc:postgresql://db/app --jdbc-user app --table events}
   * @param out where the report goes
   * @param err where usage and database errors go
   * @return {@link #CLEAN}, {@link #FAILED} or {@link #USAGE}
   */
  public int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(
          "Usage: verify [--jdbc-url URL] [--jdbc-user USER] [--jdbc-password PASSWORD]"
              + " [--table TABLE]");
      return USAGE;
    }
    try {
      VerificationReport report =
          HistoryVerifier.builder(
                  new DriverManagerDataSource(options.url(), options.user(), options.password()),
                  serializer)
              .table(options.table())
              .aggregates(aggregates)
              .build()
              .verify();
      out.println("Verified table " + options.table() + " at " + options.url());
      out.println(report.describe());
      return report.isClean() ? CLEAN : FAILED;
    } catch (BoulevardException | IllegalStateException e) {
      err.println("Verification failed: " + e.getMessage());
      return FAILED;
    }
  }

  private Options parse(String[] args) {
    String url = defaults.url();
    String user = defaults.user();
    String password = defaults.password();
    String table = defaults.table();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--jdbc-url" -> url = value;
        case "--jdbc-user" -> user = value;
        case "--jdbc-password" -> password = value;
        case "--table" -> table = TableName.check(value);
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("--jdbc-url is required");
    }
    return new Options(url, user, password, table);
  }
}
