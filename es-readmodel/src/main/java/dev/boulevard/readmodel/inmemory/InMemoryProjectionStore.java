package dev.boulevard.readmodel.inmemory;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps projection state in memory, one store per read-model storage, so that a runner started
 * again on the same storage resumes where the last one stopped; thread-safe. Its leases are timed
 * by the system clock; {@link #holds} cannot keep a lease taken until a transaction ends, as this
 * storage has none, so it only tells.
 */
final class InMemoryProjectionStore implements ProjectionStore {

  private final Map<String, Map<Integer, Generation>> generations = new HashMap<>();
  private final List<ProjectionDecision> decisions = new ArrayList<>();
  private final Map<String, LeaseState> leases = new TreeMap<>();
  private final Map<String, Map<String, Instant>> members = new HashMap<>();
  private final Clock clock = Clock.systemUTC();

  @Override
  public synchronized List<Generation> load(String projection) {
    return generations.getOrDefault(projection, Map.of()).values().stream()
        .sorted(Comparator.comparingInt(Generation::generation))
        .toList();
  }

  @Override
  public synchronized void createIfAbsent(String projection, int generation, boolean live) {
    generations
        .computeIfAbsent(projection, p -> new HashMap<>())
        .putIfAbsent(generation, new Generation(generation, live, Checkpoint.beginning(), null));
  }

  @Override
  public synchronized boolean advance(
      String projection, int generation, Checkpoint expected, Checkpoint next) {
    Generation current = get(projection, generation);
    if (current == null || !current.checkpoint().equals(expected)) {
      return false;
    }
    put(projection, new Generation(generation, current.live(), next, current.parked()));
    return true;
  }

  @Override
  public synchronized void park(String projection, int generation, ParkedEvent parked) {
    Generation current = get(projection, generation);
    if (current != null) {
      put(projection, new Generation(generation, current.live(), current.checkpoint(), parked));
    }
  }

  @Override
  public synchronized void promote(String projection, int generation, int retired) {
    Generation promoted = get(projection, generation);
    put(projection, new Generation(generation, true, promoted.checkpoint(), promoted.parked()));
    generations.get(projection).remove(retired);
  }

  @Override
  public synchronized void delete(String projection, int generation) {
    generations.getOrDefault(projection, new HashMap<>()).remove(generation);
  }

  @Override
  public synchronized void record(ProjectionDecision decision) {
    decisions.add(decision);
  }

  @Override
  public synchronized List<ProjectionDecision> decisions(String projection) {
    return decisions.stream().filter(d -> d.projection().equals(projection)).toList();
  }

  @Override
  public synchronized Optional<Lease> claim(String projection, String owner, Duration leaseTime) {
    Instant now = clock.instant();
    LeaseState current = leases.get(projection);
    long epoch = current == null ? 0 : current.epoch();
    if (current != null
        && current.owner() != null
        && !current.owner().equals(owner)
        && current.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    leases.put(
        projection, new LeaseState(projection, owner, epoch + 1, now.plus(leaseTime), false));
    return Optional.of(new Lease(projection, owner, epoch + 1));
  }

  @Override
  public synchronized boolean renew(Lease lease, Duration leaseTime) {
    if (!isCurrent(lease)) {
      return false;
    }
    leases.put(
        lease.projection(),
        new LeaseState(
            lease.projection(),
            lease.owner(),
            lease.epoch(),
            clock.instant().plus(leaseTime),
            false));
    return true;
  }

  @Override
  public synchronized void release(Lease lease) {
    if (isCurrent(lease)) {
      leases.put(
          lease.projection(),
          new LeaseState(lease.projection(), null, lease.epoch(), Instant.EPOCH, true));
    }
  }

  @Override
  public synchronized boolean holds(Lease lease) {
    return isCurrent(lease) && leases.get(lease.projection()).expiresAt().isAfter(clock.instant());
  }

  private boolean isCurrent(Lease lease) {
    LeaseState current = leases.get(lease.projection());
    return current != null
        && lease.owner().equals(current.owner())
        && current.epoch() == lease.epoch();
  }

  @Override
  public synchronized List<LeaseState> leases() {
    Instant now = clock.instant();
    return leases.values().stream()
        .map(
            l ->
                new LeaseState(
                    l.projection(),
                    l.owner(),
                    l.epoch(),
                    l.expiresAt(),
                    !l.expiresAt().isAfter(now)))
        .toList();
  }

  @Override
  public synchronized void heartbeat(String group, String owner, Duration leaseTime) {
    members
        .computeIfAbsent(group, g -> new TreeMap<>())
        .put(owner, clock.instant().plus(leaseTime));
  }

  @Override
  public synchronized List<String> members(String group) {
    Instant now = clock.instant();
    return members.getOrDefault(group, Map.of()).entrySet().stream()
        .filter(member -> member.getValue().isAfter(now))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public synchronized void leave(String group, String owner) {
    members.getOrDefault(group, new HashMap<>()).remove(owner);
  }

  private Generation get(String projection, int generation) {
    return generations.getOrDefault(projection, Map.of()).get(generation);
  }

  private void put(String projection, Generation generation) {
    generations.get(projection).put(generation.generation(), generation);
  }
}
