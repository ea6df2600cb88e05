package dev.boulevard.opentelemetry;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static dev.boulevard.eventstore.contract.ContractMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.tracing.TraceContext;
import dev.boulevard.tracing.TraceContextEnricher;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(60)
class TracingTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PARENT_A = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String PARENT_B = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .build();
  private final BoulevardTracing tracing = BoulevardTracing.of(sdk);
  private final InMemoryEventStore store = new InMemoryEventStore();
  private Projections projections;

  record Deposit(String account) {}

  @AfterEach
  void close() throws Exception {
    if (projections != null) {
      projections.close();
    }
    sdk.close();
  }

  @Test
  void the_trace_of_a_dispatched_command_reaches_the_projection_batch_span() throws Exception {
    EventStore traced = tracing.trace(store, "memory");
    CommandBus bus = tracing.trace(new SimpleCommandBus());
    bus.subscribe(
        new TypedCommandHandler() {
          {
            on(
                Deposit.class,
                deposit ->
                    traced.append(
                        deposit.account(),
                        DomainEventStream.of(
                            message(
                                deposit.account(),
                                0,
                                new TraceContextEnricher().enrich(Metadata.empty()),
                                new Deposited(deposit.account(), 5)))));
          }
        });
    projections = startBalances();

    Span request = sdk.getTracer("test").spanBuilder("request").startSpan();
    Scope scope = request.makeCurrent();
    try {
      bus.dispatch(new Deposit("a"));
    } finally {
      scope.close();
      request.end();
    }
    assertThat(projections.awaitPosition(1, WAIT)).isTrue();
    waitUntil(() -> named("projection balances").isPresent());

    SpanData dispatch = named("dispatch Deposit").orElseThrow();
    SpanData append = named("append memory").orElseThrow();
    SpanData batch = named("projection balances").orElseThrow();
    String traceId = request.getSpanContext().getTraceId();
    assertThat(dispatch.getTraceId()).isEqualTo(traceId);
    assertThat(dispatch.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(append.getParentSpanId()).isEqualTo(dispatch.getSpanId());
    assertThat(append.getAttributes().get(AttributeKey.stringKey("boulevard.outcome")))
        .isEqualTo("ok");
    assertThat(batch.getTraceId()).isEqualTo(traceId);
    assertThat(batch.getParentSpanId()).isEqualTo(dispatch.getSpanId());
    assertThat(batch.getAttributes().get(AttributeKey.stringKey("boulevard.outcome")))
        .isEqualTo("ok");
  }

  @Test
  void a_batch_of_events_of_several_traces_is_linked_to_each() throws Exception {
    store.append(
        "a",
        DomainEventStream.of(
            message("a", 0, Metadata.of(TraceContext.TRACEPARENT, PARENT_A), new Deposited("a", 1)),
            message(
                "a", 1, Metadata.of(TraceContext.TRACEPARENT, PARENT_B), new Deposited("a", 2))));
    projections = startBalances();

    assertThat(projections.awaitPosition(2, WAIT)).isTrue();
    waitUntil(() -> named("projection balances").isPresent());

    SpanData batch = named("projection balances").orElseThrow();
    assertThat(batch.getParentSpanContext().isValid()).isFalse();
    assertThat(batch.getLinks())
        .extracting(LinkData::getSpanContext)
        .extracting(context -> context.getTraceId())
        .containsExactly(
            TraceContext.parse(PARENT_A).traceId(), TraceContext.parse(PARENT_B).traceId());
  }

  @Test
  void a_lost_race_for_a_playhead_on_a_jdbc_store_is_a_conflict_on_the_append_span() {
    String table = "obs_trace_conflict_" + System.nanoTime();
    JdbcSchema.eventStore(TestDatabase.H2.dataSource(), table).migrate();
    EventStore jdbc =
        tracing.trace(
            JdbcEventStore.builder(
                    TestDatabase.H2.dataSource(),
                    new JacksonSerializer(
                        EventTypeRegistry.builder()
                            .register("obs.deposited", ContractEvent.Deposited.class)
                            .build()))
                .table(table)
                .build(),
            table);
    jdbc.append("a", deposits("a", 0, 1));

    assertThatThrownBy(() -> jdbc.append("a", deposits("a", 0, 1)))
        .isInstanceOf(DuplicatePlayheadException.class);

    assertThat(exporter.getFinishedSpanItems())
        .extracting(span -> span.getAttributes().get(AttributeKey.stringKey("boulevard.outcome")))
        .containsExactly("ok", "conflict");
  }

  @Test
  void a_trace_context_converts_to_an_open_telemetry_context_and_back() {
    TraceContext context = TraceContext.parse(PARENT_A, "congo=t61rcWkgMzE");

    Context converted = BoulevardTracing.toContext(context);

    assertThat(Span.fromContext(converted).getSpanContext().getTraceId())
        .isEqualTo(context.traceId());
    assertThat(BoulevardTracing.fromContext(converted)).contains(context);
    assertThat(BoulevardTracing.fromContext(Context.root())).isEmpty();
  }

  private Projections startBalances() {
    Projections started =
        Projections.builder(store, InMemoryReadModelStorage.create())
            .observe(tracing.projectionObserver())
            .add(
                TrackingProjection.named("balances")
                    .readModel("obs_trace_balances", Balance.class)
                    .projector(
                        models ->
                            new BalanceProjector(
                                models.repository("obs_trace_balances", Balance.class),
                                m -> false)))
            .build();
    started.start();
    return started;
  }

  private java.util.Optional<SpanData> named(String name) {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    return spans.stream().filter(span -> span.getName().equals(name)).findFirst();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited for the spans").isLessThan(until);
      Thread.sleep(20);
    }
  }
}
