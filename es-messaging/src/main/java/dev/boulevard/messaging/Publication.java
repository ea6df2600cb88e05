package dev.boulevard.messaging;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventstore.LoggedMessage;
import dev.boulevard.readmodel.projection.RefusedEventException;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.Serializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Publishes the events of the global log to a broker: a sink projection, run by {@link
 * dev.boulevard.readmodel.projection.Projections} like any other, so that it runs on one instance
 * of a fleet at a time under a lease, resumes from its checkpoint, and parks at an event it cannot
 * publish.
 *
 * <pre>{@code
 * Publication out =
 *     Publication.named("wallet_out")
 *         .serializer(serializer)
 *         .types(WalletCreated.class, WalletCredited.class)
 *         .transport(
 *             NatsTransport.builder(connection).stream("WALLET").subjectPrefix("wallet").build())
 *         .build();
 * Projections projections = Projections.builder(log, storage).add(out.projection()).build();
 * }</pre>
 *
 * <p>What it guarantees: each aggregate's events are published in their order; the checkpoint moves
 * only after the broker acknowledged a batch, so no event is ever skipped; after a crash, a lost
 * lease or a broker outage the events since the checkpoint are published again, carrying the same
 * event ids, so the broker's deduplication (NATS) or the consumer's ({@link InboundProjection})
 * makes each arrive once. An event that cannot be serialized or that the broker refuses parks the
 * publication; {@code resume} tries it again, {@code skip} leaves it out. Thread-safe.
 */
public final class Publication {

  private final String name;
  private final Serializer serializer;
  private final Predicate<DomainMessage> filter;
  private final MessageTransport transport;
  private final TrackingProjection projection;
  private final LongAdder published = new LongAdder();
  private final LongAdder duplicates = new LongAdder();

  private Publication(Builder builder) {
    this.name = builder.name;
    this.serializer = builder.serializer;
    this.filter = builder.filter;
    this.transport = builder.transport;
    this.projection =
        TrackingProjection.named(builder.name).segments(builder.segments).sink(this::deliver);
  }

  /**
   * Starts the definition of a publication.
   *
   * @param name its name, under which its checkpoint and lease are kept: a projection name, unique
   *     among the projections of one storage
   * @return the builder
   * @throws IllegalArgumentException if the name is not a valid projection name
   */
  public static Builder named(String name) {
    TrackingProjection.named(name); // checks it
    return new Builder(name);
  }

  /** {@return its name, which is also its projection's} */
  public String name() {
    return name;
  }

  /** {@return the projection to add to a {@code Projections} runner} */
  public TrackingProjection projection() {
    return projection;
  }

  /**
   * {@return how many envelopes brokers acknowledged since this object was made, duplicates too}
   */
  public long published() {
    return published.sum();
  }

  /**
   * {@return how many of the {@link #published} envelopes the broker recognised as ones it had
   * already stored: events published again after a restart, a takeover or an outage}
   */
  public long duplicates() {
    return duplicates.sum();
  }

  private void deliver(List<LoggedMessage> events) {
    List<Envelope> envelopes = new ArrayList<>(events.size());
    int[] indexes = new int[events.size()];
    int piece = 0;
    for (int i = 0; i < events.size(); i++) {
      LoggedMessage logged = events.get(i);
      // The pieces of a stored event that an upcaster split share its checkpoint and playhead, and
      // come together in one batch: the piece number tells them apart for the consumer.
      piece = i > 0 && events.get(i - 1).checkpoint().equals(logged.checkpoint()) ? piece + 1 : 0;
      if (!filter.test(logged.message())) {
        continue;
      }
      Envelope envelope;
      try {
        envelope = Envelope.of(logged, piece, serializer);
      } catch (RuntimeException e) {
        send(envelopes, indexes); // those before it go first
        throw new RefusedEventException(
            i, "Publication " + name + " cannot serialize the event: " + e.getMessage(), e);
      }
      indexes[envelopes.size()] = i;
      envelopes.add(envelope);
    }
    send(envelopes, indexes);
  }

  private void send(List<Envelope> envelopes, int[] indexes) {
    if (envelopes.isEmpty()) {
      return;
    }
    MessageTransport.Acknowledged acknowledged;
    try {
      acknowledged = transport.send(List.copyOf(envelopes));
    } catch (RefusedMessageException e) {
      if (e.index() >= envelopes.size()) {
        throw new IllegalStateException(
            "Publication "
                + name
                + ": its transport refused envelope "
                + e.index()
                + " of "
                + envelopes.size(),
            e);
      }
      published.add(e.index());
      throw new RefusedEventException(
          indexes[e.index()],
          "Publication " + name + ": the broker refused the event: " + e.getMessage(),
          e);
    }
    published.add(acknowledged.messages());
    duplicates.add(acknowledged.duplicates());
  }

  /** Collects a publication's serializer, filters and transport. */
  public static final class Builder {

    private final String name;
    private Serializer serializer;
    private Predicate<DomainMessage> filter = message -> true;
    private MessageTransport transport;
    private int segments = 1;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the serializer that names the events' types and writes their payloads: the event
     * store's, so that the published type names are the stored ones.
     *
     * @param serializer the serializer
     * @return this builder
     */
    public Builder serializer(Serializer serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
      return this;
    }

    /**
     * Publishes only events of these classes (the payload's exact class); all unless set. Other
     * events are passed over, and the checkpoint moves past them.
     *
     * @param types the event classes
     * @return this builder
     * @throws IllegalArgumentException if none is given
     */
    public Builder types(Class<?>... types) {
      if (types.length == 0) {
        throw new IllegalArgumentException("Publication " + name + ": name at least one type");
      }
      Set<Class<?>> only = Set.of(types);
      return filter(message -> only.contains(message.payloadType()));
    }

    /**
     * Publishes only the events this filter accepts, by type, aggregate id or metadata; filters set
     * here and through {@link #types} must all accept. It must give the same answer for an event
     * every time, or a republished batch differs from the first.
     *
     * @param accepts the filter
     * @return this builder
     */
    public Builder filter(Predicate<DomainMessage> accepts) {
      Objects.requireNonNull(accepts, "accepts");
      this.filter = this.filter.and(accepts);
      return this;
    }

    /**
     * Splits the publication into segments by a hash of the aggregate id, as {@link
     * TrackingProjection.Builder#segments} does, so that several threads or instances publish in
     * parallel; each aggregate's events stay in order.
     *
     * @param count 1 to 256; 1 unless set
     * @return this builder
     */
    public Builder segments(int count) {
      TrackingProjection.named(name).segments(count); // checks it
      this.segments = count;
      return this;
    }

    /**
     * Sets the broker connection it publishes through; the publication does not close it.
     *
     * @param transport the transport
     * @return this builder
     */
    public Builder transport(MessageTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Finishes the publication.
     *
     * @return the publication
     * @throws IllegalStateException if the serializer or the transport is not set
     */
    public Publication build() {
      if (serializer == null) {
        throw new IllegalStateException("Publication " + name + " has no serializer");
      }
      if (transport == null) {
        throw new IllegalStateException("Publication " + name + " has no transport");
      }
      return new Publication(this);
    }
  }
}
