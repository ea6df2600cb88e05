package dev.boulevard.tracing;

import dev.boulevard.domain.Metadata;
import dev.boulevard.eventsourcing.MetadataEnricher;

/**
 * Adds the current {@link TraceContext} to new events' metadata, under {@value
 * TraceContext#TRACEPARENT} and {@value TraceContext#TRACESTATE}; adds nothing when there is none.
 * Thread-safe.
 */
public final class TraceContextEnricher implements MetadataEnricher {

  /** Creates the enricher. */
  public TraceContextEnricher() {}

  @Override
  public Metadata enrich(Metadata metadata) {
    return TraceContext.current().map(context -> context.addTo(metadata)).orElse(metadata);
  }
}
