package dev.boulevard.readmodel.projection;

import dev.boulevard.domain.DomainMessage;
import java.util.List;
import java.util.Objects;

/**
 * A batch a projection's worker is about to handle.
 *
 * @param projection the projection's name
 * @param segment the worker's segment, from 0; 0 for a projection that is not split
 * @param segments how many segments the projection is split into; 1 if it is not
 * @param events the batch's events, of every segment, in log order
 */
public record ProjectionBatch(
    String projection, int segment, int segments, List<DomainMessage> events) {

  /** Copies the events and rejects nulls. */
  public ProjectionBatch {
    Objects.requireNonNull(projection, "projection");
    events = List.copyOf(events);
  }
}
