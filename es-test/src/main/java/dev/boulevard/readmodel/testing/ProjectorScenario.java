package dev.boulevard.readmodel.testing;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelRepository;
import dev.boulevard.testing.SideBySide;
import dev.boulevard.testing.TestClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tests a projector on its own: given the events it has seen, when one more event arrives, then the
 * read model holds exactly these documents.
 *
 * <pre>{@code
 * ProjectorScenario.forProjector(CreditsProjector::new)
 *     .withAggregateId("u-1")
 *     .given(new CreditsAdded("u-1", WALLET, 100))
 *     .when(new CreditsSpent("u-1", 30))
 *     .then(new Credits("u-1", 70));
 * }</pre>
 *
 * <p>Events are wrapped in messages as the store would hand them over: per aggregate, playheads
 * count from 0; they are recorded by the scenario's {@link #clock()} with its metadata. The read
 * model is an in-memory repository unless one is given. Not thread-safe: one scenario per test.
 *
 * @param <T> the read model's type
 */
public final class ProjectorScenario<T extends ReadModel> {

  private final ReadModelRepository<T> repository;
  private final Projector projector;
  private final TestClock clock = TestClock.standingStill();
  private final Map<String, Long> playheads = new HashMap<>();
  private String aggregateId = "1";
  private Metadata metadata = Metadata.empty();
  private boolean whenSeen;

  private ProjectorScenario(
      ReadModelRepository<T> repository,
      Function<? super ReadModelRepository<T>, ? extends Projector> factory) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.projector = Objects.requireNonNull(factory.apply(repository), "the projector is null");
  }

  /**
   * Starts a scenario on an empty in-memory read model.
   *
   * @param factory makes the projector that writes to the given repository
   * @param <T> the read model's type
   * @return the scenario
   */
  public static <T extends ReadModel> ProjectorScenario<T> forProjector(
      Function<? super ReadModelRepository<T>, ? extends Projector> factory) {
    return new ProjectorScenario<>(InMemoryReadModelRepository.<T>create(), factory);
  }

  /**
   * Starts a scenario on a read model of the test's choosing, such as a JDBC one.
   *
   * @param repository the read model, usually empty
   * @param factory makes the projector that writes to it
   * @param <T> the read model's type
   * @return the scenario
   */
  public static <T extends ReadModel> ProjectorScenario<T> forProjector(
      ReadModelRepository<T> repository,
      Function<? super ReadModelRepository<T>, ? extends Projector> factory) {
    return new ProjectorScenario<>(repository, factory);
  }

  /** {@return this scenario, with the aggregate that the next events belong to} */
  public ProjectorScenario<T> withAggregateId(String aggregateId) {
    this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
    return this;
  }

  /** {@return this scenario, with the metadata of the next events} */
  public ProjectorScenario<T> withMetadata(Metadata metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    return this;
  }

  /** {@return the clock that stamps the events, which a test may move between them} */
  public TestClock clock() {
    return clock;
  }

  /** {@return the read model the projector writes to} */
  public ReadModelRepository<T> repository() {
    return repository;
  }

  /**
   * Hands events the projector has seen before the one under test.
   *
   * @param events the events, in order
   * @return this scenario
   * @throws IllegalStateException if it comes after {@code when}
   */
  public ProjectorScenario<T> given(Object... events) {
    if (whenSeen) {
      throw new IllegalStateException("given(...) comes before when(...)");
    }
    Arrays.stream(events).forEach(this::handle);
    return this;
  }

  /**
   * Hands the event under test to the projector.
   *
   * @param event the event
   * @return this scenario
   */
  public ProjectorScenario<T> when(Object event) {
    whenSeen = true;
    handle(event);
    return this;
  }

  /**
   * Checks that the read model holds exactly these documents, in any order.
   *
   * @param expected the documents
   * @return this scenario
   * @throws AssertionError listing the documents side by side, sorted by id, if they differ
   */
  @SafeVarargs
  public final ProjectorScenario<T> then(T... expected) {
    Comparator<T> byId = Comparator.comparing(ReadModel::id);
    var wanted = new ArrayList<T>();
    for (T model : expected) {
      wanted.add(model);
    }
    wanted.sort(byId);
    List<T> actual = repository.findAll().stream().sorted(byId).toList();
    SideBySide.assertEqual("The read model differs", "document(s)", wanted, actual);
    return this;
  }

  /**
   * Runs the test's own checks on the read model.
   *
   * @param assertions the checks, given the repository
   * @return this scenario
   */
  public ProjectorScenario<T> thenRepository(Consumer<? super ReadModelRepository<T>> assertions) {
    assertions.accept(repository);
    return this;
  }

  private void handle(Object event) {
    Objects.requireNonNull(event, "event");
    long playhead = playheads.merge(aggregateId, 0L, (last, zero) -> last + 1);
    projector.handle(DomainMessage.recordNow(aggregateId, playhead, metadata, event, clock));
  }
}
