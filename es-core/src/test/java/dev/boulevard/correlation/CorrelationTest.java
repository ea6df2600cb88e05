package dev.boulevard.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.auditing.InMemoryCommandLog;
import dev.boulevard.commandhandling.CorrelatingCommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventsourcing.MetadataEnrichingEventStreamDecorator;
import dev.boulevard.fixtures.SettableClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorrelationTest {

  private final MetadataEnrichingEventStreamDecorator decorator =
      new MetadataEnrichingEventStreamDecorator(
          new CorrelationIdEnricher(), new CausationIdEnricher());

  record Start() {}

  record FollowUp() {}

  @Test
  void enrichers_add_nothing_outside_a_command() {
    var stream = decorator.decorateForWrite(Object.class, "a", stream());

    assertThat(stream.messages().get(0).metadata()).isEqualTo(Metadata.empty());
  }

  @Test
  void a_command_from_scratch_starts_a_chain_named_after_itself() {
    var seen = new ArrayList<Metadata>();
    var bus = correlatingBus(seen, new AtomicInteger());

    bus.dispatch(new Start());

    assertThat(seen.get(0).values())
        .containsEntry(Causation.CORRELATION_ID, "command-1")
        .containsEntry(Causation.CAUSATION_ID, "command-1");
    assertThat(Causation.current()).isEmpty();
  }

  @Test
  void a_command_dispatched_while_another_is_handled_joins_its_chain() {
    var seen = new ArrayList<Metadata>();
    var bus = correlatingBus(seen, new AtomicInteger());
    var outer = Causation.of(message(Metadata.of(Causation.CORRELATION_ID, "chain-7")));

    outer.runWith(() -> bus.dispatch(new Start()));

    assertThat(seen.get(0).values())
        .containsEntry(Causation.CORRELATION_ID, "chain-7")
        .containsEntry(Causation.CAUSATION_ID, "command-1");
  }

  @Test
  void a_command_dispatched_from_a_handler_runs_afterwards_as_its_own_cause_in_the_same_chain() {
    var seen = new ArrayList<Metadata>();
    var ids = new AtomicInteger();
    var order = new ArrayList<String>();
    var bus =
        new CorrelatingCommandBus(new SimpleCommandBus(), () -> "command-" + ids.incrementAndGet());
    bus.subscribe(
        new TypedCommandHandler() {
          {
            on(
                Start.class,
                start -> {
                  bus.dispatch(new FollowUp());
                  order.add("start");
                  seen.add(enrichedMetadata());
                });
            on(
                FollowUp.class,
                followUp -> {
                  order.add("follow-up");
                  seen.add(enrichedMetadata());
                });
          }
        });

    bus.dispatch(new Start());

    assertThat(order).containsExactly("start", "follow-up");
    assertThat(seen.get(0).values())
        .containsEntry(Causation.CORRELATION_ID, "command-1")
        .containsEntry(Causation.CAUSATION_ID, "command-1");
    assertThat(seen.get(1).values())
        .containsEntry(Causation.CORRELATION_ID, "command-1")
        .containsEntry(Causation.CAUSATION_ID, "command-2");
  }

  @Test
  void a_command_dispatched_through_a_logging_bus_outside_keeps_the_chain_and_names_itself() {
    var seen = new ArrayList<Metadata>();
    var ids = new AtomicInteger();
    var log = new InMemoryCommandLog();
    var bus =
        CommandLogger.around(
            new CorrelatingCommandBus(
                new SimpleCommandBus(), () -> "command-" + ids.incrementAndGet()),
            log,
            SettableClock.standingStill());
    bus.subscribe(
        new TypedCommandHandler() {
          {
            on(
                Start.class,
                start -> {
                  bus.dispatch(new FollowUp());
                  seen.add(enrichedMetadata());
                });
            on(FollowUp.class, followUp -> seen.add(enrichedMetadata()));
          }
        });

    bus.dispatch(new Start());

    assertThat(log.entries()).hasSize(2);
    assertThat(seen.get(0).values())
        .containsEntry(Causation.CORRELATION_ID, "command-1")
        .containsEntry(Causation.CAUSATION_ID, "command-1");
    assertThat(seen.get(1).values())
        .containsEntry(Causation.CORRELATION_ID, "command-1")
        .containsEntry(Causation.CAUSATION_ID, "command-2");
    assertThat(Causation.current()).isEmpty();
  }

  @Test
  void reacting_to_an_event_names_the_event_as_the_cause() {
    var event = message(Metadata.empty());

    var causation = Causation.of(event);

    assertThat(causation.causationId()).isEqualTo(event.eventId().toString());
    assertThat(causation.correlationId()).isEqualTo(event.eventId().toString());
  }

  @Test
  void restores_the_previous_causation_after_nested_work() {
    var outer = new Causation("c", "1");
    var inner = new Causation("c", "2");

    outer.runWith(
        () -> {
          inner.runWith(() -> assertThat(Causation.current()).contains(inner));
          assertThat(Causation.current()).contains(outer);
        });

    assertThat(Causation.current()).isEmpty();
  }

  @Test
  void restores_the_previous_causation_when_the_work_throws() {
    var outer = new Causation("c", "1");
    var inner = new Causation("c", "2");
    var failure = new IllegalStateException("boom");

    outer.runWith(
        () -> {
          Throwable thrown =
              catchThrowable(
                  () ->
                      inner.runWith(
                          () -> {
                            throw failure;
                          }));
          assertThat(thrown).isSameAs(failure);
          assertThat(Causation.current()).contains(outer);
        });
    Throwable thrown =
        catchThrowable(
            () ->
                outer.callWith(
                    () -> {
                      throw failure;
                    }));

    assertThat(thrown).isSameAs(failure);
    assertThat(Causation.current()).isEmpty();
  }

  private CorrelatingCommandBus correlatingBus(List<Metadata> seen, AtomicInteger ids) {
    var bus =
        new CorrelatingCommandBus(new SimpleCommandBus(), () -> "command-" + ids.incrementAndGet());
    bus.subscribe(
        new TypedCommandHandler() {
          {
            on(Start.class, start -> seen.add(enrichedMetadata()));
          }
        });
    return bus;
  }

  private Metadata enrichedMetadata() {
    return decorator.decorateForWrite(Object.class, "a", stream()).messages().get(0).metadata();
  }

  private static DomainEventStream stream() {
    return DomainEventStream.of(message(Metadata.empty()));
  }

  private static DomainMessage message(Metadata metadata) {
    return DomainMessage.recordNow("a", 0, metadata, "event", Clock.systemUTC());
  }
}
