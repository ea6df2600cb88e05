package dev.boulevard.benchmarks;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store: appending new streams of already-built messages and loading one aggregate,
 * each beside the baseline of putting the same list into, and copying it out of, a plain {@link
 * ConcurrentHashMap}. Throughput is streams (or loads) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MemoryStoreBenchmark {

  /** How many events each appended stream, and the loaded aggregate, holds. */
  @Param({"10"})
  public int events;

  private final AtomicLong ids = new AtomicLong();
  private final Clock clock = Clock.systemUTC();
  private InMemoryEventStore store;
  private Map<String, List<DomainMessage>> baseline;
  private List<DomainMessage> loaded;

  /** Starts each iteration on an empty store and map, both holding aggregate "a". */
  @Setup(Level.Iteration)
  public void empty() {
    store = new InMemoryEventStore();
    baseline = new ConcurrentHashMap<>();
    loaded = messages("a");
    store.append("a", DomainEventStream.of(loaded));
    baseline.put("a", List.copyOf(loaded));
  }

  private List<DomainMessage> messages(String id) {
    var messages = new ArrayList<DomainMessage>(events);
    for (int i = 0; i < events; i++) {
      messages.add(DomainMessage.recordNow(id, i, Metadata.empty(), new Deposited(id, i), clock));
    }
    return messages;
  }

  /** Appends one new stream to the store, building its messages. */
  @Benchmark
  public void appendBoulevard() {
    String id = "s-" + ids.incrementAndGet();
    store.append(id, DomainEventStream.of(messages(id)));
  }

  /** Builds the same messages and puts them into the map under a new key. */
  @Benchmark
  public Object appendPlainMap() {
    String id = "s-" + ids.incrementAndGet();
    return baseline.putIfAbsent(id, List.copyOf(messages(id)));
  }

  /** {@return aggregate "a", loaded from the store} */
  @Benchmark
  public DomainEventStream loadBoulevard() {
    return store.load("a");
  }

  /** {@return aggregate "a", copied out of the map} */
  @Benchmark
  public List<DomainMessage> loadPlainMap() {
    // a copy: List.copyOf of the stored, unmodifiable list would hand back that very list
    return new ArrayList<>(baseline.get("a"));
  }
}
