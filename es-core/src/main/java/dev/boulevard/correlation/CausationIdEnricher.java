package dev.boulevard.correlation;

import dev.boulevard.domain.Metadata;
import dev.boulevard.eventsourcing.MetadataEnricher;

/**
 * Adds the id of the command or event that caused new events to their metadata, under {@value
 * Causation#CAUSATION_ID}; adds nothing when there is no current causation. Thread-safe.
 */
public final class CausationIdEnricher implements MetadataEnricher {

  /** Creates the enricher. */
  public CausationIdEnricher() {}

  @Override
  public Metadata enrich(Metadata metadata) {
    return Causation.current()
        .map(causation -> metadata.with(Causation.CAUSATION_ID, causation.causationId()))
        .orElse(metadata);
  }
}
