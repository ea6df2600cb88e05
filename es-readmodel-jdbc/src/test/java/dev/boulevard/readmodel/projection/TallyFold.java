package dev.boulevard.readmodel.projection;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The tallies a projection must hold after the first events of a {@link LogCopy}: folded by the
 * test, independently of the library, and moved forward as the projection moves.
 */
final class TallyFold {

  private final UnaryOperator<String> key;
  private final Predicate<LogCopy.Entry> counted;
  private final Map<String, Tally> tallies = new HashMap<>();
  private int folded;

  TallyFold(UnaryOperator<String> key) {
    this(key, entry -> true);
  }

  /** A fold that leaves out the events a projection was told to skip. */
  TallyFold(UnaryOperator<String> key, Predicate<LogCopy.Entry> counted) {
    this.key = key;
    this.counted = counted;
  }

  /** {@return the tallies of the first {@code events} events of the copy} */
  Map<String, Tally> upTo(LogCopy log, int events) {
    if (events < folded) {
      tallies.clear();
      folded = 0;
    }
    for (; folded < events; folded++) {
      LogCopy.Entry entry = log.get(folded);
      if (counted.test(entry)) {
        String id = key.apply(entry.aggregateId());
        tallies.put(id, tallies.getOrDefault(id, Tally.empty(id)).plus(entry.amount()));
      }
    }
    return tallies;
  }
}
