package dev.boulevard.readmodel.projection;

import dev.boulevard.readmodel.spi.ParkedEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * How far a rebuild has come.
 *
 * @param projection the projection's name
 * @param eventsDone the events the new read models have taken in
 * @param eventsLeft an estimate of the events still to take in, from the log's head position
 * @param eventsPerSecond the rate since the rebuild started
 * @param estimatedTimeLeft the time left at that rate, if the rate is known
 * @param done whether the new read models have caught up and replaced the old ones
 * @param parked the event the rebuild is parked at, if its projector kept failing on one
 */
public record RebuildProgress(
    String projection,
    long eventsDone,
    long eventsLeft,
    double eventsPerSecond,
    Optional<Duration> estimatedTimeLeft,
    boolean done,
    Optional<ParkedEvent> parked) {}
