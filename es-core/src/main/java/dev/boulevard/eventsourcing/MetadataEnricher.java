package dev.boulevard.eventsourcing;

import dev.boulevard.domain.Metadata;

/** Adds metadata, such as the user or a correlation id, to the events an aggregate records. */
@FunctionalInterface
public interface MetadataEnricher {

  /**
   * Adds pairs to the metadata gathered so far.
   *
   * @param metadata what earlier enrichers added
   * @return the metadata with this enricher's pairs added
   */
  Metadata enrich(Metadata metadata);
}
