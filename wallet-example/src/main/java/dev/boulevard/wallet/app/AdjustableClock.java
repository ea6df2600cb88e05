package dev.boulevard.wallet.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's UTC clock moved by an offset that can be changed while the app runs, so that a demo
 * or a test can move the app's time forward; instants are truncated to the microsecond.
 * Thread-safe.
 */
public final class AdjustableClock extends Clock {

  private final Clock system;
  private final AtomicReference<Duration> offset;

  private AdjustableClock(Clock system, AtomicReference<Duration> offset) {
    this.system = system;
    this.offset = offset;
  }

  /** {@return the system's clock moved by the given offset} */
  public static AdjustableClock withOffset(Duration offset) {
    return new AdjustableClock(Clock.systemUTC(), new AtomicReference<>(offset));
  }

  /** Moves this clock forward by the given duration, or back if it is negative. */
  public void advance(Duration duration) {
    offset.accumulateAndGet(duration, Duration::plus);
  }

  /** {@return how far this clock is ahead of the system's} */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return system.instant().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The wallet's clock is always UTC");
  }
}
