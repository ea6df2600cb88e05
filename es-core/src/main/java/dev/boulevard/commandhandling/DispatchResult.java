package dev.boulevard.commandhandling;

import dev.boulevard.eventstore.AppendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dispatch stored: every stream that the dispatched command, and the commands it queued,
 * appended through an event-sourcing repository, in the order they were appended.
 *
 * <p>A command dispatched from inside a handler is queued and returns {@link #none()} at once; what
 * it appends when it runs is part of the result of the dispatch that runs it, the outermost one.
 *
 * <p>A dispatch of an idempotent command whose key an earlier dispatch holds stores nothing and
 * returns that dispatch's result, {@link #replayed()}.
 *
 * @param appends the appends that stored events, oldest first; appends of nothing are left out
 * @param replayed whether these appends were stored by an earlier dispatch of the same idempotency
 *     key, not by this one
 */
public record DispatchResult(List<AppendResult> appends, boolean replayed) {

  private static final DispatchResult NONE = new DispatchResult(List.of());

  /** Copies the list, leaving out appends of nothing. */
  public DispatchResult {
    appends =
        Objects.requireNonNull(appends, "appends").stream()
            .filter(append -> !append.isEmpty())
            .toList();
  }

  /**
   * A result of appends that this dispatch stored.
   *
   * @param appends the appends, oldest first; appends of nothing are left out
   */
  public DispatchResult(List<AppendResult> appends) {
    this(appends, false);
  }

  /** {@return the same appends, marked as stored by an earlier dispatch of the same key} */
  public DispatchResult asReplayed() {
    return replayed ? this : new DispatchResult(appends, true);
  }

  /** {@return the result of a dispatch that stored nothing} */
  public static DispatchResult none() {
    return NONE;
  }

  /**
   * {@return the highest global position this dispatch stored, to wait for with a {@link
   * dev.boulevard.eventstore.LogFollower}; 0 if it stored nothing}
   */
  public long position() {
    long highest = 0;
    for (AppendResult append : appends) {
      highest = Math.max(highest, append.position());
    }
    return highest;
  }

  /** {@return the last append of an aggregate in this dispatch, or empty if it stored none} */
  public Optional<AppendResult> lastOf(String aggregateId) {
    Objects.requireNonNull(aggregateId, "aggregateId");
    for (int i = appends.size() - 1; i >= 0; i--) {
      if (appends.get(i).aggregateId().equals(aggregateId)) {
        return Optional.of(appends.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * {@return this result followed by the other's appends; replayed only if both are, a result of
   * nothing that is not replayed counting as neither}
   */
  public DispatchResult and(DispatchResult other) {
    Objects.requireNonNull(other, "other");
    if (other.appends.isEmpty() && !other.replayed) {
      return this;
    }
    if (appends.isEmpty() && !replayed) {
      return other;
    }
    var both = new ArrayList<AppendResult>(appends);
    both.addAll(other.appends);
    return new DispatchResult(both, replayed && other.replayed);
  }
}
