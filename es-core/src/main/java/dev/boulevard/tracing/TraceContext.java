package dev.boulevard.tracing;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A W3C trace context: the trace and the span that the current work continues, as the {@code
 * traceparent} and {@code tracestate} headers carry them.
 *
 * <p>The current trace context is kept per thread while a command is dispatched (set by whoever
 * dispatches, such as an OpenTelemetry decorator or a web filter) or while a projection or process
 * manager handles an event that carries one; {@link TraceContextEnricher} copies it into new
 * events' metadata, under {@value #TRACEPARENT} and {@value #TRACESTATE}.
 *
 * @param traceId the trace's id: 32 lowercase hexadecimal digits, not all zero
 * @param spanId the id of the span the work continues: 16 lowercase hexadecimal digits, not all
 *     zero
 * @param flags the trace flags, 0 to 255; bit 0 says the trace is sampled
 * @param tracestate vendors' additional state, or the empty string if there is none
 */
public record TraceContext(String traceId, String spanId, int flags, String tracestate) {

  /** The metadata key, and header name, of the trace parent. */
  public static final String TRACEPARENT = "traceparent";

  /** The metadata key, and header name, of the vendors' trace state. */
  public static final String TRACESTATE = "tracestate";

  private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();

  /** Checks every part against the W3C format. */
  public TraceContext {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(tracestate, "tracestate");
    String shown = "00-" + traceId + "-" + spanId + "-" + flags;
    TraceFormat.requireId(shown, "trace id", traceId, 32);
    TraceFormat.requireId(shown, "parent id", spanId, 16);
    if (flags < 0 || flags > 255) {
      throw InvalidTraceContextException.badTraceparent(shown, "flags are 0 to 255");
    }
    TraceFormat.requireTracestate(tracestate);
  }

  /**
   * Reads a {@code traceparent} header.
   *
   * @param traceparent the header's value
   * @return the context, with no trace state
   * @throws InvalidTraceContextException if the value is not a W3C traceparent
   */
  public static TraceContext parse(String traceparent) {
    return parse(traceparent, "");
  }

  /**
   * Reads the {@code traceparent} and {@code tracestate} headers.
   *
   * @param traceparent the traceparent header's value
   * @param tracestate the tracestate header's value; empty if there was none
   * @return the context
   * @throws InvalidTraceContextException if either value is not in the W3C format
   */
  public static TraceContext parse(String traceparent, String tracestate) {
    return TraceFormat.parse(
        Objects.requireNonNull(traceparent, "traceparent"),
        Objects.requireNonNull(tracestate, "tracestate"));
  }

  /**
   * Reads the trace context an event's metadata carries.
   *
   * @param metadata the metadata
   * @return the context, or empty if there is none or it is malformed (a malformed one is ignored,
   *     as W3C asks of a receiver)
   */
  public static Optional<TraceContext> from(Metadata metadata) {
    Objects.requireNonNull(metadata, "metadata");
    Optional<String> parent = metadata.get(TRACEPARENT);
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(parent.get(), metadata.get(TRACESTATE).orElse("")));
    } catch (InvalidTraceContextException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the trace context an event carries.
   *
   * @param event the event
   * @return the context, or empty if it carries none or a malformed one
   */
  public static Optional<TraceContext> of(DomainMessage event) {
    return from(Objects.requireNonNull(event, "event").metadata());
  }

  /** {@return the trace context of the current thread's work, if any} */
  public static Optional<TraceContext> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** {@return the {@code traceparent} header's value, in version 00} */
  public String traceparent() {
    return String.format("00-%s-%s-%02x", traceId, spanId, flags);
  }

  /** {@return whether the trace is sampled: flag bit 0} */
  public boolean sampled() {
    return (flags & 1) == 1;
  }

  /**
   * Adds this context to metadata.
   *
   * @param metadata the metadata
   * @return the metadata with {@value #TRACEPARENT}, and {@value #TRACESTATE} unless it is empty
   */
  public Metadata addTo(Metadata metadata) {
    Metadata with = metadata.with(TRACEPARENT, traceparent());
    return tracestate.isEmpty() ? with : with.with(TRACESTATE, tracestate);
  }

  /**
   * Runs work with this context as the current one, and restores the previous one afterwards.
   *
   * @param work the work
   * @param <T> the work's result type
   * @return the work's result
   */
  public <T> T callWith(Supplier<T> work) {
    return callWith(this, work);
  }

  /**
   * Runs work with this context as the current one, and restores the previous one afterwards.
   *
   * @param work the work
   */
  public void runWith(Runnable work) {
    callWith(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs work with a context as the current one, or with none, and restores the previous one.
   *
   * @param context the context, or null to run the work with no current context
   * @param work the work
   * @param <T> the work's result type
   * @return the work's result
   */
  public static <T> T callWith(@Nullable TraceContext context, Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    TraceContext previous = CURRENT.get();
    if (previous == context) {
      return work.get();
    }
    set(context);
    try {
      return work.get();
    } finally {
      set(previous);
    }
  }

  private static void set(@Nullable TraceContext context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }

  /** {@return the traceparent, and the tracestate if there is one} */
  @Override
  public String toString() {
    return tracestate.isEmpty() ? traceparent() : traceparent() + " " + tracestate;
  }
}
