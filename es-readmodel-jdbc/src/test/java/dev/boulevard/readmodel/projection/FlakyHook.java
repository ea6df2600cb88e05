package dev.boulevard.readmodel.projection;

import dev.boulevard.domain.DomainMessage;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throws at random, with some probability per attempt, but never more than a number of times at one
 * event, so that the event always succeeds within the retry policy's attempts.
 */
final class FlakyHook implements TallyProjector.Hook {

  private final double probability;
  private final int mostPerEvent;
  private final Map<UUID, Integer> thrownAt = new ConcurrentHashMap<>();
  private final AtomicLong thrown = new AtomicLong();

  FlakyHook(double probability, int mostPerEvent) {
    this.probability = probability;
    this.mostPerEvent = mostPerEvent;
  }

  @Override
  public void at(DomainMessage message) {
    int before = thrownAt.getOrDefault(message.eventId(), 0);
    if (before < mostPerEvent && ThreadLocalRandom.current().nextDouble() < probability) {
      thrownAt.put(message.eventId(), before + 1);
      thrown.incrementAndGet();
      throw new IllegalStateException(
          "A transient failure at " + message.aggregateId() + "@" + message.playhead());
    }
  }

  long thrown() {
    return thrown.get();
  }
}
