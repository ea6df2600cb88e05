package dev.boulevard.micrometer;

/** The names of Boulevard's meters and tags, which docs/metrics.md documents. */
final class MeterNames {

  static final String APPEND = "boulevard.append";
  static final String APPEND_EVENTS = "boulevard.append.events";
  static final String LOAD = "boulevard.load";
  static final String LOAD_EVENTS = "boulevard.load.events";
  static final String BATCH = "boulevard.projection.batch";
  static final String PROJECTION_EVENTS = "boulevard.projection.events";
  static final String RETRIES = "boulevard.projection.retries";
  static final String PARKS = "boulevard.projection.parks";
  static final String LAG_POSITIONS = "boulevard.projection.lag.positions";
  static final String LAG_SECONDS = "boulevard.projection.lag.seconds";
  static final String OUTBOX_DEPTH = "boulevard.outbox.depth";
  static final String WATERMARK_HELD = "boulevard.watermark.held";

  static final String STORE = "store";
  static final String OUTCOME = "outcome";
  static final String PROJECTION = "projection";
  static final String RUNNER = "runner";
  static final String LOG = "log";

  private MeterNames() {}
}
