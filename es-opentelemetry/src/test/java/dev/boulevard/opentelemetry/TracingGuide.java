package dev.boulevard.opentelemetry;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CorrelatingCommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.correlation.CausationIdEnricher;
import dev.boulevard.correlation.CorrelationIdEnricher;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventsourcing.MetadataEnrichingEventStreamDecorator;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.fixtures.Account;
import dev.boulevard.readmodel.ReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.saga.PaymentProcess;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.tracing.TraceContext;
import dev.boulevard.tracing.TraceContextEnricher;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Optional;

/** The samples of docs/tracing.md, with stand-ins for the guide's names. */
final class TracingGuide {

  /** An incoming request, as a web framework would give it. */
  interface Request {
    String header(String name);
  }

  record Deposit(String account, long amount) {}

  void parse(Request request) {
    TraceContext context =
        TraceContext.parse(
            request.header("traceparent"),
            Optional.ofNullable(request.header("tracestate")).orElse(""));
    context.traceparent(); // "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    context.sampled(); // true

    TraceContext.parse("00-abc");
    // InvalidTraceContextException: Not a W3C traceparent: "00-abc": it is too short; expected ...
  }

  void run(TraceContext context, CommandBus commandBus, String account, long amount) {
    context.runWith(() -> commandBus.dispatch(new Deposit(account, amount)));
  }

  void repository(EventStore store) {
    EventSourcingRepository<Account> accounts =
        EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
            .decorator(
                new MetadataEnrichingEventStreamDecorator(
                    new CorrelationIdEnricher(),
                    new CausationIdEnricher(),
                    new TraceContextEnricher()))
            .build();
  }

  void wiring(
      OpenTelemetry openTelemetry,
      JdbcEventStore jdbcStore,
      ReadModelStorage storage,
      TrackingProjection balances,
      EventTypeRegistry commandTypes) {
    BoulevardTracing tracing = BoulevardTracing.of(openTelemetry);

    CommandBus bus = tracing.trace(new CorrelatingCommandBus(new SimpleCommandBus()));
    EventStore store = tracing.trace(jdbcStore, "events");

    Projections projections =
        Projections.builder(jdbcStore, storage)
            .observe(tracing.projectionObserver())
            .add(balances)
            .build();
    Sagas sagas =
        Sagas.builder(jdbcStore, storage, bus, commandTypes)
            .observe(tracing.projectionObserver())
            .add(new PaymentProcess())
            .build();
  }

  void context(DomainMessage message, Tracer tracer) {
    Context parent = BoulevardTracing.toContext(TraceContext.of(message).orElseThrow());
    Span span = tracer.spanBuilder("send receipt").setParent(parent).startSpan();

    Optional<TraceContext> current = BoulevardTracing.fromContext(Context.current());
  }
}
