package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The slots of a runner by projection name, in the order they were added, and the slot that owns
 * each read model. Thread-safe: filled once, when it is built.
 */
final class ProjectionSlots {

  private final Map<String, ProjectionSlot> byName = new LinkedHashMap<>();
  private final Map<String, ProjectionSlot> modelOwners = new LinkedHashMap<>();

  ProjectionSlots(
      List<TrackingProjection> projections,
      WorkerSettings settings,
      Runnable signal,
      Consumer<RebuildProgress> listener) {
    for (TrackingProjection projection : projections) {
      for (int segment = 0; segment < projection.segments(); segment++) {
        var slot =
            new ProjectionSlot(
                projection,
                new Segment(segment, projection.segments()),
                settings,
                signal,
                listener);
        byName.put(slot.name(), slot);
        projection.readModels().keySet().forEach(model -> modelOwners.putIfAbsent(model, slot));
      }
    }
  }

  /** {@return every slot, in the order the projections were added, a split one's in segments} */
  Collection<ProjectionSlot> all() {
    return byName.values();
  }

  /** {@return the projections, in the order they were added} */
  Collection<TrackingProjection> projections() {
    var seen = new java.util.LinkedHashMap<String, TrackingProjection>();
    byName.values().forEach(slot -> seen.putIfAbsent(slot.projection.name(), slot.projection));
    return seen.values();
  }

  /** {@return the projections' names, a split one's by segment, in the order they were added} */
  Collection<String> names() {
    return byName.keySet();
  }

  /**
   * {@return the slot of a projection}
   *
   * @throws IllegalArgumentException if there is no such projection
   */
  ProjectionSlot named(String projection) {
    ProjectionSlot slot = byName.get(projection);
    if (slot == null) {
      throw new IllegalArgumentException(
          "There is no projection or segment "
              + projection
              + "; there are "
              + byName.keySet()
              + " (a split projection is named by segment, as <name>.<segment>/<segments>)");
    }
    return slot;
  }

  /**
   * {@return the slot whose projection declares a read model with a class}
   *
   * @throws IllegalArgumentException if no projection declares that read model with that class
   */
  ProjectionSlot owning(String model, Class<?> type) {
    ProjectionSlot slot = modelOwners.get(model);
    if (slot == null || slot.projection.readModels().get(model) != type) {
      throw new IllegalArgumentException(
          "No projection declares read model " + model + " of " + type.getName());
    }
    return slot;
  }

  /**
   * Stops every slot's workers after their current batch, going on past an interrupt.
   *
   * @return the leases the slots held, for the caller to release
   */
  List<ProjectionStore.Lease> closeAll() {
    List<ProjectionStore.Lease> held = new ArrayList<>();
    for (ProjectionSlot slot : byName.values()) {
      try {
        ProjectionStore.Lease lease = slot.close();
        if (lease != null) {
          held.add(lease);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // each worker was told to stop; they end on their own
      }
    }
    return held;
  }
}
