package dev.boulevard.micrometer;

import dev.boulevard.observation.Outcome;
import dev.boulevard.observation.StoreCall;
import dev.boulevard.observation.StoreObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Times appends and loads and counts their events. Thread-safe. */
final class MeteredStoreObserver implements StoreObserver {

  private final MeterRegistry registry;

  MeteredStoreObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void appended(StoreCall call) {
    timer(MeterNames.APPEND, "Appends to an event store", call).record(call.duration());
    if (call.outcome() == Outcome.OK) {
      counter(MeterNames.APPEND_EVENTS, "Events appended", call).increment(call.events());
    }
  }

  @Override
  public void loaded(StoreCall call) {
    timer(MeterNames.LOAD, "Loads of an aggregate's events", call).record(call.duration());
    if (call.outcome() == Outcome.OK) {
      counter(MeterNames.LOAD_EVENTS, "Events loaded", call).increment(call.events());
    }
  }

  private Timer timer(String name, String description, StoreCall call) {
    return Timer.builder(name)
        .description(description)
        .tag(MeterNames.STORE, call.store())
        .tag(MeterNames.OUTCOME, call.outcome().tag())
        .register(registry);
  }

  private Counter counter(String name, String description, StoreCall call) {
    return Counter.builder(name)
        .description(description)
        .baseUnit("events")
        .tag(MeterNames.STORE, call.store())
        .register(registry);
  }
}
