package dev.boulevard.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, to the microsecond; in UTC, unless it is a view
 * made by {@link #withZone}, which shares its instant. Thread-safe.
 */
public final class TestClock extends Clock {

  /** The instant a clock made by {@link #standingStill()} starts at. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(Instant start) {
    this(new AtomicReference<>(start.truncatedTo(ChronoUnit.MICROS)), ZoneOffset.UTC);
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** {@return a clock that stands at 2026-01-01T00:00:00Z} */
  public static TestClock standingStill() {
    return new TestClock(DEFAULT_START);
  }

  /** {@return a clock that stands at the given instant, truncated to the microsecond} */
  public static TestClock at(Instant start) {
    return new TestClock(Objects.requireNonNull(start, "start"));
  }

  /** {@return the instant the clock stands at} */
  @Override
  public Instant instant() {
    return now.get();
  }

  /** {@return UTC, or the zone this view was made for by {@link #withZone}} */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * {@return a view of this clock in the given zone that shares its instant: moving either moves
   * both}
   *
   * @param zone the view's zone
   */
  @Override
  public TestClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new TestClock(now, zone);
  }

  /**
   * Moves the clock forward, or backward for a negative duration.
   *
   * @param duration how far
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return now.updateAndGet(instant -> instant.plus(duration).truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the new instant, truncated to the microsecond
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MICROS));
  }
}
