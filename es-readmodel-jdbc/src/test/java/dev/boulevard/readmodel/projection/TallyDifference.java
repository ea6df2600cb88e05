package dev.boulevard.readmodel.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a read model differs from the tallies it must hold: events missing, events counted more than
 * once, and keys whose counts agree but whose sums do not (a miss and a repeat that cancel out).
 */
record TallyDifference(long lost, long duplicated, long wrongSums) {

  static TallyDifference between(Map<String, Tally> expected, Collection<Tally> actual) {
    Map<String, Tally> found = new HashMap<>();
    actual.forEach(tally -> found.put(tally.id(), tally));
    Set<String> keys = new HashSet<>(expected.keySet());
    keys.addAll(found.keySet());
    long lost = 0;
    long duplicated = 0;
    long wrongSums = 0;
    for (String key : keys) {
      Tally want = expected.getOrDefault(key, Tally.empty(key));
      Tally got = found.getOrDefault(key, Tally.empty(key));
      lost += Math.max(0, want.count() - got.count());
      duplicated += Math.max(0, got.count() - want.count());
      if (want.count() == got.count() && want.sum() != got.sum()) {
        wrongSums++;
      }
    }
    return new TallyDifference(lost, duplicated, wrongSums);
  }

  boolean none() {
    return lost == 0 && duplicated == 0 && wrongSums == 0;
  }
}
