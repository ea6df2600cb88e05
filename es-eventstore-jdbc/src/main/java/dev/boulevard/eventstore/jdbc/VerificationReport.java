package dev.boulevard.eventstore.jdbc;

import java.util.List;

/**
 * What the {@link HistoryVerifier} found: counts of what it read and replayed, and the failures.
 *
 * @param rowsRead the stored rows read in global order
 * @param eventsRead the events they made through the upcasters (a split row makes several)
 * @param aggregatesReplayed the aggregates replayed to their last event without a failure
 * @param aggregatesSkipped the aggregates that the factories left out
 * @param failureCount every failure found, also those beyond the reported ones
 * @param failures the failures, up to the verifier's limit, events in global order first
 */
public record VerificationReport(
    long rowsRead,
    long eventsRead,
    long aggregatesReplayed,
    long aggregatesSkipped,
    long failureCount,
    List<VerificationFailure> failures) {

  /** Copies the failures. */
  public VerificationReport {
    failures = List.copyOf(failures);
  }

  /** {@return whether every row was read and every aggregate replayed without a failure} */
  public boolean isClean() {
    return failureCount == 0;
  }

  /** {@return the counts in one line, such as "120 rows read, 124 events, ..."} */
  public String summary() {
    return rowsRead
        + " rows read, "
        + eventsRead
        + " events, "
        + aggregatesReplayed
        + " aggregates replayed, "
        + aggregatesSkipped
        + " skipped, "
        + failureCount
        + (failureCount == 1 ? " failure" : " failures")
        + (failureCount > failures.size() ? " (" + failures.size() + " reported)" : "");
  }

  /** {@return the report for a person: one line per failure, then the summary} */
  public String describe() {
    var text = new StringBuilder();
    failures.forEach(failure -> text.append(failure.describe()).append('\n'));
    return text.append(isClean() ? "OK: " : "FAILED: ").append(summary()).toString();
  }
}
