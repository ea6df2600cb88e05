package dev.boulevard.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventsourcing.MetadataEnrichingEventStreamDecorator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraceContextTest {

  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void parses_and_formats_a_traceparent() {
    TraceContext context = TraceContext.parse(PARENT, "congo=t61rcWkgMzE");

    assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(context.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(context.sampled()).isTrue();
    assertThat(context.traceparent()).isEqualTo(PARENT);
    assertThat(context.tracestate()).isEqualTo("congo=t61rcWkgMzE");
  }

  @Test
  void reads_a_later_version_as_version_00() {
    TraceContext context =
        TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra");

    assertThat(context.traceparent())
        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    assertThat(context.sampled()).isFalse();
  }

  @Test
  void refuses_malformed_traceparents_naming_the_fault() {
    assertThatThrownBy(() -> TraceContext.parse("00-abc"))
        .isInstanceOf(InvalidTraceContextException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(
            () -> TraceContext.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .hasMessageContaining("trace id is all zeros");
    assertThatThrownBy(
            () -> TraceContext.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .hasMessageContaining("trace id is not 32 lowercase hex digits");
    assertThatThrownBy(
            () -> TraceContext.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .hasMessageContaining("version ff");
    assertThatThrownBy(() -> TraceContext.parse(PARENT + "-more"))
        .hasMessageContaining("version 00 has 55 characters");
    assertThatThrownBy(
            () -> TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
        .hasMessageContaining("parent id is all zeros");
  }

  @Test
  void refuses_a_tracestate_with_control_characters() {
    assertThatThrownBy(() -> TraceContext.parse(PARENT, "a=b\nc=d"))
        .isInstanceOf(InvalidTraceContextException.class)
        .hasMessageContaining("printable ASCII");
  }

  @Test
  void metadata_with_a_malformed_traceparent_carries_no_context() {
    assertThat(TraceContext.from(Metadata.of(TraceContext.TRACEPARENT, "garbage"))).isEmpty();
    assertThat(TraceContext.from(Metadata.empty())).isEmpty();
  }

  @Test
  void the_enricher_writes_the_current_context_into_new_events() {
    var decorator = new MetadataEnrichingEventStreamDecorator(new TraceContextEnricher());
    TraceContext context = TraceContext.parse(PARENT, "congo=t61rcWkgMzE");

    DomainEventStream stream =
        context.callWith(() -> decorator.decorateForWrite(Object.class, "a", stream()));

    DomainMessage written = stream.messages().get(0);
    assertThat(written.metadata().values())
        .containsEntry(TraceContext.TRACEPARENT, PARENT)
        .containsEntry(TraceContext.TRACESTATE, "congo=t61rcWkgMzE");
    assertThat(TraceContext.of(written)).contains(context);
    assertThat(TraceContext.current()).isEmpty();
  }

  @Test
  void the_enricher_adds_nothing_without_a_current_context() {
    var decorator = new MetadataEnrichingEventStreamDecorator(new TraceContextEnricher());

    DomainEventStream stream = decorator.decorateForWrite(Object.class, "a", stream());

    assertThat(stream.messages().get(0).metadata()).isEqualTo(Metadata.empty());
  }

  record Outer() {}

  record Inner() {}

  @Test
  void a_command_queued_by_a_handler_runs_with_the_context_current_when_it_was_queued() {
    var bus = new SimpleCommandBus();
    List<Optional<TraceContext>> seen = new ArrayList<>();
    TraceContext outer = TraceContext.parse(PARENT);
    TraceContext inner =
        TraceContext.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    bus.subscribe(
        new TypedCommandHandler() {
          {
            on(Outer.class, c -> inner.runWith(() -> bus.dispatch(new Inner())));
            on(Inner.class, c -> seen.add(TraceContext.current()));
          }
        });

    outer.runWith(() -> bus.dispatch(new Outer()));

    assertThat(seen).containsExactly(Optional.of(inner));
  }

  private static DomainEventStream stream() {
    return new DomainEventStream(
        List.of(
            new DomainMessage(
                UUID.randomUUID(), "a", 0, Metadata.empty(), "event", Instant.EPOCH)));
  }
}
