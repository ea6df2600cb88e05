package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.ReadModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A test read model: an account's total and the playheads of the deposits it took in, in order, so
 * that a missed or repeated event shows.
 */
record Balance(String id, long total, List<Long> playheads) implements ReadModel {

  Balance plus(long amount, long playhead) {
    var taken = new ArrayList<>(playheads);
    taken.add(playhead);
    return new Balance(id, total + amount, taken);
  }
}
