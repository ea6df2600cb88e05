package dev.boulevard.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/** The attributes of Boulevard's spans, which docs/tracing.md documents. */
final class SpanNames {

  static final AttributeKey<String> COMMAND_TYPE = AttributeKey.stringKey("boulevard.command.type");
  static final AttributeKey<String> STORE = AttributeKey.stringKey("boulevard.store");
  static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("boulevard.aggregate.id");
  static final AttributeKey<Long> EVENTS = AttributeKey.longKey("boulevard.events");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("boulevard.outcome");
  static final AttributeKey<String> PROJECTION = AttributeKey.stringKey("boulevard.projection");
  static final AttributeKey<Long> SEGMENT = AttributeKey.longKey("boulevard.projection.segment");
  static final AttributeKey<Long> TAKEN_IN = AttributeKey.longKey("boulevard.events.taken_in");

  private SpanNames() {}
}
