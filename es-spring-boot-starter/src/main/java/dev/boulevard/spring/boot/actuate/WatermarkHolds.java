package dev.boulevard.spring.boot.actuate;

import dev.boulevard.eventstore.jdbc.JdbcEventStoreBuilder;
import dev.boulevard.observation.WatermarkObserver;
import dev.boulevard.spring.boot.BoulevardCustomizer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holds of PostgreSQL's watermark that go on now, per log, as the store's readers see them, for
 * the health indicator. Thread-safe.
 */
public final class WatermarkHolds implements WatermarkObserver, BoulevardCustomizer {

  private final Map<String, Duration> current = new ConcurrentHashMap<>();

  /** Creates the record, with no hold. */
  public WatermarkHolds() {}

  @Override
  public void eventStore(JdbcEventStoreBuilder builder, String table) {
    builder.watermarkObserver(this);
  }

  @Override
  public void holding(String log, Duration heldSoFar) {
    current.put(log, heldSoFar);
  }

  @Override
  public void released(String log, Duration heldFor) {
    current.remove(log);
  }

  /** {@return how long each log whose readers are held back now has been held, by its name} */
  public Map<String, Duration> current() {
    return Map.copyOf(current);
  }
}
