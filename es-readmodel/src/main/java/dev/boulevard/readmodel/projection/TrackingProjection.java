package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A projection that reads the global log from its own checkpoint: its name, the read models it
 * owns, and how its projector is made for them.
 *
 * <pre>{@code
 * TrackingProjection credits =
 *     TrackingProjection.named("credits")
 *         .readModel("credits", Credits.class)
 *         .projector(models -> new CreditsProjector(models.repository("credits", Credits.class)));
 * }</pre>
 *
 * <p>The projection owns its read models: a rebuild makes new ones with a new projector and drops
 * the old ones once the new ones have caught up. Immutable and thread-safe.
 *
 * <p>A projection can be split into {@link Builder#segments segments} by a hash of the aggregate
 * id, so that the runners of a fleet share its work: each segment reads the whole log and handles
 * the events of its own aggregates, in order, under a lease and checkpoint of its own.
 */
public final class TrackingProjection {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");

  private final String name;
  private final Map<String, Class<? extends ReadModel>> readModels;
  private final Function<ProjectionModels, ? extends Projector> factory; // null for a sink
  private final EventSink sink; // null for a projector
  private final int segments;

  private TrackingProjection(
      String name,
      Map<String, Class<? extends ReadModel>> readModels,
      Function<ProjectionModels, ? extends Projector> factory,
      EventSink sink,
      int segments) {
    this.name = name;
    this.segments = segments;
    this.sink = sink;
    this.readModels = Collections.unmodifiableMap(new LinkedHashMap<>(readModels));
    this.factory = factory;
  }

  /**
   * Starts the definition of a projection.
   *
   * @param name its name, unique among the projections of one storage: 1 to 32 letters, digits or
   *     underscores, not starting with a digit
   * @return the definition's builder
   * @throws IllegalArgumentException if the name is not valid
   */
  public static Builder named(String name) {
    return new Builder(checkName("projection", name));
  }

  /** {@return the projection's name} */
  public String name() {
    return name;
  }

  /** {@return how many segments it is split into: 1 unless set} */
  public int segments() {
    return segments;
  }

  /**
   * {@return the name under which segment {@code segment} keeps its checkpoint and lease: the
   * projection's name for a projection in one segment, else {@code <name>.<segment>/<segments>}}
   */
  String unitName(int segment) {
    return segments == 1 ? name : name + "." + segment + "/" + segments;
  }

  /** {@return the read models it owns, by name} */
  public Map<String, Class<? extends ReadModel>> readModels() {
    return readModels;
  }

  /** {@return whether its events go to a sink rather than to a projector and read models} */
  public boolean isSink() {
    return sink != null;
  }

  /** {@return its sink, or null for a projection with a projector} */
  EventSink sink() {
    return sink;
  }

  Projector newProjector(ProjectionModels models) {
    return Objects.requireNonNull(
        factory.apply(models), () -> "The projector factory of projection " + name + " gave null");
  }

  static String checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A "
              + what
              + " name is 1 to 32 letters, digits or underscores, not starting with a digit; got '"
              + name
              + "'");
    }
    return name;
  }

  /** Collects a projection's read models and its projector factory. */
  public static final class Builder {

    private final String name;
    private final Map<String, Class<? extends ReadModel>> readModels = new LinkedHashMap<>();
    private int segments = 1;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Declares a read model the projection owns.
     *
     * @param modelName the read model's name, unique among all projections of one storage: 1 to 32
     *     letters, digits or underscores, not starting with a digit
     * @param type the class of its documents
     * @return this builder
     * @throws IllegalArgumentException if the name is not valid or already declared
     */
    public Builder readModel(String modelName, Class<? extends ReadModel> type) {
      checkName("read model", modelName);
      Objects.requireNonNull(type, "type");
      if (readModels.putIfAbsent(modelName, type) != null) {
        throw new IllegalArgumentException(
            "Read model " + modelName + " is declared twice in projection " + name);
      }
      return this;
    }

    /**
     * Splits the projection into segments by a hash of the aggregate id (CRC-32 of its UTF-8 bytes,
     * modulo the count): each runs on its own thread, on whichever runner of the fleet holds its
     * lease, and handles the events of its aggregates in their order. Events of different
     * aggregates are handled in no set order, so a projector that needs the order across aggregates
     * keeps one segment. The count cannot change over a projection's stored state; a split
     * projection cannot be rebuilt yet.
     *
     * @param count 1 to 256; 1 unless set
     * @return this builder
     */
    public Builder segments(int count) {
      if (count < 1 || count > 256) {
        throw new IllegalArgumentException(
            "A projection is split into 1 to 256 segments, not " + count);
      }
      this.segments = count;
      return this;
    }

    /**
     * Finishes the definition with the factory that makes the projector for a set of read models:
     * once at start, and once more for each rebuild.
     *
     * @param factory makes a projector that writes to the given read models
     * @return the projection
     * @throws IllegalStateException if no read model was declared
     */
    public TrackingProjection projector(Function<ProjectionModels, ? extends Projector> factory) {
      Objects.requireNonNull(factory, "factory");
      if (readModels.isEmpty()) {
        throw new IllegalStateException(
            "Projection " + name + " declares no read model; declare them with readModel(...)");
      }
      return new TrackingProjection(name, readModels, factory, null, segments);
    }

    /**
     * Finishes the definition as a sink projection: one that owns no read models and hands its
     * events to a sink, a message broker typically, moving its checkpoint only once the sink has
     * delivered them. It runs under a lease and parks like any projection; it has nothing to
     * rebuild.
     *
     * @param sink where its events go
     * @return the projection
     * @throws IllegalStateException if a read model was declared
     */
    public TrackingProjection sink(EventSink sink) {
      Objects.requireNonNull(sink, "sink");
      if (!readModels.isEmpty()) {
        throw new IllegalStateException(
            "Projection "
                + name
                + " hands its events to a sink and owns no read model; got "
                + readModels.keySet());
      }
      return new TrackingProjection(name, readModels, null, sink, segments);
    }
  }
}
