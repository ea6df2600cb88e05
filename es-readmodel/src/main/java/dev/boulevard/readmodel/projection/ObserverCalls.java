package dev.boulevard.readmodel.projection;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchEnd;
import dev.boulevard.readmodel.projection.ProjectionObserver.BatchObservation;
import dev.boulevard.readmodel.spi.ParkedEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a runner's observer, if it has one, and keeps a failing observer from disturbing the
 * worker: its failures are logged and ignored. Thread-safe when the observer is.
 */
final class ObserverCalls {

  private static final Logger LOG = LoggerFactory.getLogger(ObserverCalls.class);

  /** Calls nobody. */
  static final ObserverCalls NONE = new ObserverCalls(null);

  private final ProjectionObserver observer; // null: nobody listens

  private ObserverCalls(ProjectionObserver observer) {
    this.observer = observer;
  }

  /** {@return calls to the observers, or {@link #NONE} if there are none} */
  static ObserverCalls of(List<ProjectionObserver> observers) {
    return observers.isEmpty() ? NONE : new ObserverCalls(ProjectionObserver.all(observers));
  }

  BatchObservation batchStarted(String projection, Segment segment, List<LoggedMessage> events) {
    if (observer == null || events.isEmpty()) {
      return BatchObservation.IGNORED;
    }
    var messages = new ArrayList<DomainMessage>(events.size());
    events.forEach(event -> messages.add(event.message()));
    try {
      BatchObservation started =
          observer.batchStarted(
              new ProjectionBatch(projection, segment.index(), segment.count(), messages));
      return started == null || started == BatchObservation.IGNORED
          ? BatchObservation.IGNORED
          : safely(started);
    } catch (RuntimeException e) {
      LOG.warn("The projection observer failed on a batch's start; ignored", e);
      return BatchObservation.IGNORED;
    }
  }

  void retrying(String projection, int attempt, String error) {
    if (observer != null) {
      try {
        observer.retrying(projection, attempt, error);
      } catch (RuntimeException e) {
        LOG.warn("The projection observer failed on a retry; ignored", e);
      }
    }
  }

  void parked(String projection, ParkedEvent parked) {
    if (observer != null) {
      try {
        observer.parked(projection, parked);
      } catch (RuntimeException e) {
        LOG.warn("The projection observer failed on a park; ignored", e);
      }
    }
  }

  private static BatchObservation safely(BatchObservation started) {
    return (BatchEnd end) -> {
      try {
        started.ended(end);
      } catch (RuntimeException e) {
        LOG.warn("The projection observer failed on a batch's end; ignored", e);
      }
    };
  }
}
