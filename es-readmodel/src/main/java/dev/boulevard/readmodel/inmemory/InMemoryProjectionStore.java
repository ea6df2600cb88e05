package dev.boulevard.readmodel.inmemory;

import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.readmodel.spi.ProjectionDecision;
import dev.boulevard.readmodel.spi.ProjectionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps projection state in memory, one store per read-model storage, so that a runner started
 * again on the same storage resumes where the last one stopped; thread-safe.
 */
final class InMemoryProjectionStore implements ProjectionStore {

  private final Map<String, Map<Integer, Generation>> generations = new HashMap<>();
  private final List<ProjectionDecision> decisions = new ArrayList<>();

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

  private Generation get(String projection, int generation) {
    return generations.getOrDefault(projection, Map.of()).get(generation);
  }

  private void put(String projection, Generation generation) {
    generations.get(projection).put(generation.generation(), generation);
  }
}
