package dev.boulevard.correlation;

import dev.boulevard.domain.Metadata;
import dev.boulevard.eventsourcing.MetadataEnricher;

/**
 * Adds the current {@link Causation}'s correlation id to new events' metadata, under {@value
 * Causation#CORRELATION_ID}; adds nothing when there is no current causation. Thread-safe.
 */
public final class CorrelationIdEnricher implements MetadataEnricher {

  /** Creates the enricher. */
  public CorrelationIdEnricher() {}

  @Override
  public Metadata enrich(Metadata metadata) {
    return Causation.current()
        .map(causation -> metadata.with(Causation.CORRELATION_ID, causation.correlationId()))
        .orElse(metadata);
  }
}
