package dev.boulevard.auditing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

import dev.boulevard.auditing.CommandLog;
import dev.boulevard.auditing.CommandLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link CommandLog} shares: a log's test extends this class, returns a new,
 * empty log from {@link #createLog()} and reads back what it kept with {@link #kept}.
 *
 * <p>The suite checks what every log keeps of an entry: the command's type, its outcome, the
 * failure's class, the instant to the microsecond and the duration to the microsecond. Fields a log
 * leaves out on purpose, such as an error's message or the command's own fields, are its own tests'
 * business.
 *
 * @param <L> the log's type
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
public abstract class CommandLogContract<L extends CommandLog> {

  private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123456789Z");

  private L log;

  /** {@return a new log that holds no entries; called before each test} */
  protected abstract L createLog();

  /**
   * Reads back what a log kept.
   *
   * @param log the log the test recorded to
   * @return its entries, oldest first
   * @throws Exception if reading fails
   */
  protected abstract List<Kept> kept(L log) throws Exception;

  /**
   * One entry as a log kept it.
   *
   * @param commandType the command's type, as {@link CommandLogEntry#commandType()}
   * @param succeeded whether the command succeeded
   * @param error the failure, starting with its exception's class name; empty for a success
   * @param dispatchedAt when the command was dispatched
   * @param duration how long handling it took
   */
  public record Kept(
      String commandType,
      boolean succeeded,
      Optional<String> error,
      Instant dispatchedAt,
      Duration duration) {

    /** Rejects nulls. */
    public Kept {
      Objects.requireNonNull(commandType, "commandType");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(dispatchedAt, "dispatchedAt");
      Objects.requireNonNull(duration, "duration");
    }

    /**
     * {@return an entry's fields as every log keeps them}
     *
     * @param entry the entry
     */
    public static Kept of(CommandLogEntry entry) {
      return new Kept(
          entry.commandType(),
          entry.succeeded(),
          entry.error(),
          entry.dispatchedAt(),
          entry.duration());
    }
  }

  /**
   * A command of the suite.
   *
   * @param account the account
   * @param amount the amount
   */
  public record Deposit(String account, long amount) {}

  /**
   * A command whose fields cannot be read, as a log that writes them out meets one.
   *
   * @param account the account
   */
  public record Unreadable(String account) {

    /** {@return never: throws} */
    @Override
    public String account() {
      throw new IllegalStateException("this command's fields cannot be read");
    }
  }

  @BeforeEach
  void createEmptyLog() {
    log = createLog();
  }

  @Test
  void keeps_a_command_that_succeeded_with_its_type_instant_and_duration() throws Exception {
    log.record(CommandLogEntry.succeeded(new Deposit("a", 10), AT, Duration.ofNanos(1_234_000)));

    assertThat(kept(log))
        .containsExactly(
            new Kept(
                "Deposit",
                true,
                Optional.empty(),
                Instant.parse("2024-05-01T10:15:30.123456Z"),
                Duration.ofNanos(1_234_000)));
  }

  @Test
  void keeps_a_command_that_failed_with_its_error_s_class() throws Exception {
    log.record(
        CommandLogEntry.failed(
            new Deposit("a", 10),
            new IllegalStateException("declined (expected by this test)"),
            AT,
            Duration.ofMillis(2)));

    assertThat(kept(log))
        .singleElement()
        .satisfies(
            kept -> {
              assertThat(kept.commandType()).isEqualTo("Deposit");
              assertThat(kept.succeeded()).isFalse();
              assertThat(kept.error())
                  .get()
                  .asString()
                  .startsWith("java.lang.IllegalStateException");
              assertThat(kept.dispatchedAt())
                  .isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
              assertThat(kept.duration()).isEqualTo(Duration.ofMillis(2));
            });
  }

  @Test
  void keeps_entries_in_the_order_they_were_recorded() throws Exception {
    for (int i = 0; i < 5; i++) {
      log.record(
          CommandLogEntry.succeeded(
              new Deposit("a", i), AT.plusSeconds(60 - i), Duration.ofMillis(i)));
    }

    assertThat(kept(log))
        .extracting(Kept::duration)
        .containsExactly(
            Duration.ZERO,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofMillis(3),
            Duration.ofMillis(4));
  }

  @Test
  void keeps_every_entry_once_when_recorded_from_several_threads() throws Exception {
    int threads = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var done = new ArrayList<Future<?>>();
      for (int thread = 0; thread < threads; thread++) {
        int t = thread;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    int n = t * each + i;
                    log.record(
                        CommandLogEntry.succeeded(
                            new Deposit("a" + t, i), AT, Duration.ofNanos(1_000L * n)));
                  }
                }));
      }
      for (Future<?> thread : done) {
        thread.get();
      }
    } finally {
      pool.shutdown();
    }

    List<Kept> kept = kept(log);
    assertThat(kept)
        .extracting(Kept::duration)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, threads * each)
                .mapToObj(n -> Duration.ofNanos(1_000L * n))
                .toList());
  }

  @Test
  void keeps_a_command_whose_fields_cannot_be_read_by_its_type() throws Exception {
    log.record(CommandLogEntry.succeeded(new Unreadable("a"), AT, Duration.ZERO));

    assertThat(kept(log))
        .extracting(Kept::commandType, Kept::succeeded)
        .containsExactly(tuple("Unreadable", true));
  }

  @Test
  void refuses_a_null_entry() {
    assertThatNullPointerException().isThrownBy(() -> log.record(null));
  }
}
