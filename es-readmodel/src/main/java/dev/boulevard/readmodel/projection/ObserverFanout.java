package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.spi.ParkedEvent;
import java.util.ArrayList;
import java.util.List;

/** Tells several observers everything, in order. Thread-safe when they are. */
final class ObserverFanout implements ProjectionObserver {

  private final List<ProjectionObserver> observers;

  ObserverFanout(List<ProjectionObserver> observers) {
    this.observers = observers;
  }

  @Override
  public BatchObservation batchStarted(ProjectionBatch batch) {
    var started = new ArrayList<BatchObservation>(observers.size());
    for (ProjectionObserver observer : observers) {
      started.add(observer.batchStarted(batch));
    }
    return end -> started.forEach(observation -> observation.ended(end));
  }

  @Override
  public void retrying(String projection, int attempt, String error) {
    observers.forEach(observer -> observer.retrying(projection, attempt, error));
  }

  @Override
  public void parked(String projection, ParkedEvent parked) {
    observers.forEach(observer -> observer.parked(projection, parked));
  }
}
