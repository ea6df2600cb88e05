package dev.boulevard.eventstore.jdbc;

import dev.boulevard.observation.WatermarkObserver;
import java.time.Duration;
import java.util.List;

/** Tells several watermark observers, in order, such as the metrics and a health check. */
record WatermarkObservers(List<WatermarkObserver> observers) implements WatermarkObserver {

  @Override
  public void released(String log, Duration heldFor) {
    observers.forEach(o -> o.released(log, heldFor));
  }

  @Override
  public void holding(String log, Duration heldSoFar) {
    observers.forEach(o -> o.holding(log, heldSoFar));
  }
}
