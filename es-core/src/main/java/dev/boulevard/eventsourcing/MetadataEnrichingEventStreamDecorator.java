package dev.boulevard.eventsourcing;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.Metadata;
import java.util.List;

/**
 * A stream decorator that runs its enrichers, in order, for each event and adds what they gather to
 * its metadata; the enrichers' values win over pairs the event already has.
 *
 * <p>Thread-safe when its enrichers are.
 */
public final class MetadataEnrichingEventStreamDecorator implements EventStreamDecorator {

  private final List<MetadataEnricher> enrichers;

  /**
   * Creates the decorator.
   *
   * @param enrichers the enrichers, run in this order
   */
  public MetadataEnrichingEventStreamDecorator(List<MetadataEnricher> enrichers) {
    this.enrichers = List.copyOf(enrichers);
  }

  /**
   * Creates the decorator.
   *
   * @param enrichers the enrichers, run in this order
   */
  public MetadataEnrichingEventStreamDecorator(MetadataEnricher... enrichers) {
    this(List.of(enrichers));
  }

  @Override
  public DomainEventStream decorateForWrite(
      Class<?> aggregateType, String aggregateId, DomainEventStream stream) {
    return stream.map(message -> message.andMetadata(gather()));
  }

  private Metadata gather() {
    Metadata gathered = Metadata.empty();
    for (MetadataEnricher enricher : enrichers) {
      gathered = enricher.enrich(gathered);
    }
    return gathered;
  }
}
