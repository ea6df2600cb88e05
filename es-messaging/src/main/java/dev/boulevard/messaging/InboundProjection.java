package dev.boulevard.messaging;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.serializer.Serializer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the events a broker delivers to a {@link Projector}'s read models exactly once: the
 * consumer side of a {@link Publication}, which the Kafka and NATS consumer adapters feed.
 *
 * <p>Each call of {@link #apply} runs in one transaction of the read models' storage, in which the
 * projector's writes, the source's offset ({@link InboundOffset}) and each aggregate's last
 * playhead ({@link InboundPlayhead}) commit together. A message at or before the stored offset is
 * one the broker delivered again after a crash, and is passed over; an event at or before its
 * aggregate's stored playhead is one the publisher published again, and is passed over too. So each
 * event reaches the read models once, whichever side failed. The projector's repositories must come
 * from the same storage for that to hold, and the storage must be transactional (an in-memory one
 * applies the same checks without atomicity).
 *
 * <pre>{@code
 * InboundProjection loyalty =
 *     InboundProjection.named("loyalty")
 *         .storage(storage)
 *         .serializer(serializer)
 *         .projector(new PointsProjector(storage.repository("points", Points.class)))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe; calls for the same source must not overlap: Kafka's consumer group gives a
 * partition to one consumer at a time (keep a batch well within {@code max.poll.interval.ms}, or a
 * consumer the group gave up on may still be applying it), and a NATS durable must have one puller
 * at a time. The stored offset is read and written without a compare-and-set, so two overlapping
 * calls could both apply a batch.
 */
public final class InboundProjection {

  private static final Logger LOG = LoggerFactory.getLogger(InboundProjection.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,29}");

  private final String name;
  private final ReadModelStorage storage;
  private final Serializer serializer;
  private final Projector projector;
  private final ReadModelRepository<InboundOffset> offsets;
  private final ReadModelRepository<InboundPlayhead> playheads; // by aggregate id

  private InboundProjection(Builder builder) {
    this.name = builder.name;
    this.storage = builder.storage;
    this.serializer = builder.serializer;
    this.projector = builder.projector;
    this.offsets = storage.repository(name + "_offsets", InboundOffset.class);
    this.playheads = storage.repository(name + "_playheads", InboundPlayhead.class);
  }

  /**
   * Starts the definition of an inbound projection.
   *
   * @param name its name, under which its offsets and playheads are stored (read models {@code
   *     <name>_offsets} and {@code <name>_playheads}): 1 to 30 letters, digits or underscores, not
   *     starting with a digit
   * @return the builder
   * @throws IllegalArgumentException if the name is not valid
   */
  public static Builder named(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "An inbound projection's name is 1 to 30 letters, digits or underscores, not starting"
              + " with a digit; got '"
              + name
              + "'");
    }
    return new Builder(name);
  }

  /** {@return its name} */
  public String name() {
    return name;
  }

  /**
   * Tells where a source stands.
   *
   * @param source the source's name, such as {@code topic/partition}
   * @return the offset of the last message applied from it; empty if none was
   */
  public OptionalLong lastOffset(String source) {
    return offsets.find(source).map(o -> OptionalLong.of(o.offset())).orElse(OptionalLong.empty());
  }

  /**
   * Applies messages of one source, in their order, in one transaction with the source's offset.
   *
   * @param source the source's name, such as {@code topic/partition}: 1 to 255 characters
   * @param messages the messages, by increasing offset
   * @return what became of them
   * @throws InboundMessageException if a message cannot be applied, naming it; on a transactional
   *     storage nothing of the call was applied
   */
  public Applied apply(String source, List<InboundMessage> messages) {
    Objects.requireNonNull(source, "source");
    if (messages.isEmpty()) {
      return new Applied(0, 0, 0);
    }
    boolean atomic = storage.isTransactional();
    return storage.inTransaction(
        () -> {
          long stored = offsets.find(source).map(InboundOffset::offset).orElse(-1L);
          Map<String, InboundPlayhead> seen = new HashMap<>();
          int applied = 0;
          int redelivered = 0;
          int duplicates = 0;
          long last = stored;
          for (InboundMessage message : messages) {
            if (message.offset() <= last) {
              redelivered++;
              continue;
            }
            Envelope envelope = read(source, message);
            InboundPlayhead before =
                seen.computeIfAbsent(
                    envelope.aggregateId(),
                    id -> playheads.find(id).orElse(new InboundPlayhead(id, -1, 0)));
            if (!isAfter(envelope, before)) {
              duplicates++;
              LOG.debug(
                  "Inbound projection {}: passing over event {} of {} at playhead {}.{}, which it"
                      + " applied up to playhead {}.{} (message {} of {})",
                  name,
                  envelope.eventId(),
                  envelope.aggregateId(),
                  envelope.playhead(),
                  envelope.piece(),
                  before.playhead(),
                  before.piece(),
                  message.offset(),
                  source);
            } else {
              project(source, message, envelope);
              var now =
                  new InboundPlayhead(
                      envelope.aggregateId(), envelope.playhead(), envelope.piece());
              seen.put(envelope.aggregateId(), now);
              applied++;
              if (!atomic) {
                playheads.save(now);
              }
            }
            last = message.offset();
            if (!atomic) {
              offsets.save(new InboundOffset(source, last));
            }
          }
          if (atomic && last > stored) {
            for (InboundPlayhead playhead : seen.values()) {
              if (playhead.playhead() >= 0) {
                playheads.save(playhead);
              }
            }
            offsets.save(new InboundOffset(source, last));
          }
          return new Applied(applied, redelivered, duplicates);
        });
  }

  /**
   * {@return whether an event comes after what was applied of its aggregate: playhead, then piece}
   */
  private static boolean isAfter(Envelope envelope, InboundPlayhead applied) {
    return envelope.playhead() > applied.playhead()
        || (envelope.playhead() == applied.playhead() && envelope.piece() > applied.piece());
  }

  private Envelope read(String source, InboundMessage message) {
    try {
      return EnvelopeJson.read(message.body());
    } catch (MalformedEnvelopeException e) {
      throw new InboundMessageException(
          "Inbound projection "
              + name
              + ": message "
              + message.offset()
              + " of "
              + source
              + " is not an envelope: "
              + e.getMessage(),
          source,
          message.offset(),
          e);
    }
  }

  private void project(String source, InboundMessage message, Envelope envelope) {
    try {
      for (DomainMessage domainMessage : envelope.toMessages(serializer)) {
        projector.handle(domainMessage);
      }
    } catch (RuntimeException e) {
      throw new InboundMessageException(
          "Inbound projection "
              + name
              + " failed on message "
              + message.offset()
              + " of "
              + source
              + " (event "
              + envelope.eventId()
              + ", "
              + envelope.type()
              + " of aggregate "
              + envelope.aggregateId()
              + " at playhead "
              + envelope.playhead()
              + "): "
              + e.getMessage(),
          source,
          message.offset(),
          e);
    }
  }

  /**
   * What became of the messages of one {@link #apply}.
   *
   * @param applied events handed to the projector
   * @param redelivered messages at or before the source's stored offset, passed over
   * @param duplicates events at or before their aggregate's stored playhead, passed over
   */
  public record Applied(int applied, int redelivered, int duplicates) {}

  /** Collects an inbound projection's storage, serializer and projector. */
  public static final class Builder {

    private final String name;
    private ReadModelStorage storage;
    private Serializer serializer;
    private Projector projector;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the storage of the projector's read models, in which offsets and playheads are kept.
     *
     * @param storage the storage
     * @return this builder
     */
    public Builder storage(ReadModelStorage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * Sets the serializer that reads the envelopes' payloads: one that knows the publisher's type
     * names.
     *
     * @param serializer the serializer
     * @return this builder
     */
    public Builder serializer(Serializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /**
     * Sets the projector, whose repositories come from the same storage.
     *
     * @param projector the projector
     * @return this builder
     */
    public Builder projector(Projector projector) {
      this.projector = Objects.requireNonNull(projector, "projector");
      return this;
    }

    /**
     * Finishes the inbound projection, creating its offsets' and playheads' storage if needed.
     *
     * @return the inbound projection
     * @throws IllegalStateException if the storage, serializer or projector is not set
     */
    public InboundProjection build() {
      if (storage == null || serializer == null || projector == null) {
        throw new IllegalStateException(
            "Inbound projection " + name + " needs a storage, a serializer and a projector");
      }
      return new InboundProjection(this);
    }
  }
}
