package dev.boulevard.messaging.contract;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.messaging.InboundProjection;
import dev.boulevard.messaging.MessageTransport;
import dev.boulevard.messaging.Publication;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Measures the lag from an append's commit to a remote consumer: events are appended at a steady
 * rate to an in-memory store, a publication sends them through a transport, a consumer of the
 * broker feeds an inbound projection, and each event's lag is the time from the call of its append
 * (an in-memory one, microseconds) to its projector's handler, on one clock. For the brokers'
 * benchmark tests.
 */
public final class LagProbe {

  /**
   * What one run measured.
   *
   * @param events how many events were measured (those after the warm-up)
   * @param p50Millis the median lag
   * @param p99Millis the 99th percentile
   * @param maxMillis the longest
   */
  public record Result(int events, double p50Millis, double p99Millis, double maxMillis) {

    @Override
    public String toString() {
      return String.format(
          "%d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          events, p50Millis, p99Millis, maxMillis);
    }
  }

  private LagProbe() {}

  /**
   * Runs a measurement.
   *
   * @param transport the transport to publish through, to a destination of the run's own
   * @param consumer starts a consumer of that destination that feeds the given inbound projection,
   *     and returns what stops it
   * @param rate events appended per second
   * @param warmUp how long to append before measuring
   * @param measured how long to append while measuring
   * @return the lags of the measured events
   * @throws Exception if the run fails, or not every measured event arrived within a minute
   */
  public static Result measure(
      MessageTransport transport,
      Function<InboundProjection, AutoCloseable> consumer,
      int rate,
      Duration warmUp,
      Duration measured)
      throws Exception {
    var store = new InMemoryEventStore();
    Map<UUID, Long> appendedAt = new ConcurrentHashMap<>();
    Map<UUID, Long> lags = new ConcurrentHashMap<>();
    var remote = InMemoryReadModelStorage.create();
    var inbound =
        InboundProjection.named("lag")
            .storage(remote)
            .serializer(MessagingFixtures.SERIALIZER)
            .projector(
                new Projector() {
                  {
                    on(
                        ContractEvent.Deposited.class,
                        (deposited, message) -> {
                          long now = System.nanoTime();
                          Long at = appendedAt.get(message.eventId());
                          if (at != null) {
                            lags.put(message.eventId(), now - at);
                          }
                        });
                  }
                })
            .build();
    Publication publication =
        Publication.named("lag_out")
            .serializer(MessagingFixtures.SERIALIZER)
            .transport(transport)
            .build();
    List<UUID> measuredIds = new ArrayList<>();
    AutoCloseable consuming = consumer.apply(inbound);
    try (Projections publishing =
        Projections.builder(store, InMemoryReadModelStorage.create())
            .add(publication.projection())
            .build()) {
      publishing.start();
      long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
      long start = System.nanoTime();
      long measureFrom = start + warmUp.toNanos();
      long end = measureFrom + measured.toNanos();
      int[] playheads = new int[100];
      for (long n = 0; ; n++) {
        long due = start + n * periodNanos;
        if (due >= end) {
          break;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        int account = (int) (n % playheads.length);
        String id = "lag-" + account;
        UUID eventId = UUID.randomUUID();
        var message =
            new DomainMessage(
                eventId,
                id,
                playheads[account]++,
                Metadata.empty(),
                new ContractEvent.Deposited(id, 1),
                Clock.systemUTC().instant());
        // Noted before the append: on a busy machine the event may reach the consumer before the
        // appending thread runs again.
        long appending = System.nanoTime();
        if (appending >= measureFrom) {
          appendedAt.put(eventId, appending);
          measuredIds.add(eventId);
        }
        store.append(id, DomainEventStream.of(List.of(message)));
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (!lags.keySet().containsAll(measuredIds)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Only " + lags.size() + " of " + measuredIds.size() + " events arrived in a minute");
        }
        Thread.sleep(50);
      }
    } finally {
      consuming.close();
    }
    long[] sorted = measuredIds.stream().mapToLong(lags::get).sorted().toArray();
    return new Result(
        sorted.length, millis(sorted, 0.50), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  private static double millis(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
