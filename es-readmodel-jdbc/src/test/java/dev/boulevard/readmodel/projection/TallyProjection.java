package dev.boulevard.readmodel.projection;

import java.util.function.UnaryOperator;

/**
 * A tracking projection of {@link Tally} documents as a reliability test defines and checks it: its
 * name, its read model's name, and the key that groups accounts into documents.
 */
record TallyProjection(String name, String model, UnaryOperator<String> key) {

  TrackingProjection tracking() {
    return tracking(TallyProjector.Hook.NONE, TallyProjector.Hook.NONE);
  }

  /** {@return the projection, with hooks that run before and after each event's write} */
  TrackingProjection tracking(TallyProjector.Hook before, TallyProjector.Hook after) {
    return TrackingProjection.named(name)
        .readModel(model, Tally.class)
        .projector(
            models ->
                new TallyProjector(models.repository(model, Tally.class), key, before, after));
  }
}
