package dev.boulevard.readmodel.spi;

import dev.boulevard.correlation.Causation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A command in a process manager's outbox: waiting for its instant, being retried, or kept after
 * its last failed attempt.
 *
 * @param id the entry's id, in the order entries were written
 * @param process the name of the process manager that sent it
 * @param correlation the correlation key of the process that sent it
 * @param key the deadline key it was scheduled under, or null if it was dispatched without one
 * @param dueAt when it is due, or after a failure when it is tried again
 * @param commandType the command's registered type name
 * @param command the command as JSON
 * @param causation the chain it belongs to: the correlation id and the id of the event that caused
 *     it, current while it is dispatched
 * @param attempts how many times its delivery failed
 * @param lastError the last failure, or null if none
 */
public record OutboxEntry(
    long id,
    String process,
    String correlation,
    @Nullable String key,
    Instant dueAt,
    String commandType,
    String command,
    Causation causation,
    int attempts,
    @Nullable String lastError) {}
