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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tests a projector on its own: given the events it has seen, when one more event arrives, then the
 * read models hold exactly these documents.
 *
 * <pre>{@code
 * ProjectorScenario.forProjector(CreditsProjector::new)
 *     .withAggregateId("u-1")
 *     .given(new CreditsAdded("u-1", WALLET, 100))
 *     .when(new CreditsSpent("u-1", 30))
 *     .then(new Credits("u-1", 70));
 * }</pre>
 *
 * <p>A projector that writes several read models gets them from {@link ReadModels}, and each is
 * checked by its document type:
 *
 * <pre>{@code
 * ProjectorScenario.forReadModels(models -> new LedgerProjector(
 *         models.repository(Balance.class), models.repository(Entry.class)))
 *     .when(new Deposited("a-1", 100))
 *     .then(Balance.class, new Balance("a-1", 100))
 *     .then(Entry.class, new Entry("a-1/0", "a-1", 100));
 * }</pre>
 *
 * <p>Events are wrapped in messages as the store would hand them over: per aggregate, playheads
 * count from 0; they are recorded by the scenario's {@link #clock()} with its metadata. The read
 * models are in-memory repositories unless some are given. A failed check throws an opentest4j
 * {@code AssertionFailedError} whose expected and actual values list the documents one a line,
 * sorted by id, and whose message names the fields that differ. Not thread-safe: one scenario per
 * test.
 *
 * @param <T> the read model's type, or {@link ReadModel} for a scenario of several read models
 */
public final class ProjectorScenario<T extends ReadModel> {

  private final ReadModelRepository<T> single; // null for a scenario of several read models
  private final ReadModels models; // null for a scenario of one read model
  private final Projector projector;
  private final TestClock clock = TestClock.standingStill();
  private final Map<String, Long> playheads = new HashMap<>();
  private String aggregateId = "1";
  private Metadata metadata = Metadata.empty();
  private boolean whenSeen;

  private ProjectorScenario(
      ReadModelRepository<T> single, ReadModels models, Supplier<? extends Projector> factory) {
    this.single = single;
    this.models = models;
    this.projector = Objects.requireNonNull(factory.get(), "the projector factory returned null");
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
    return forProjector(InMemoryReadModelRepository.<T>create(), factory);
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
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(factory, "factory");
    return new ProjectorScenario<>(repository, null, () -> factory.apply(repository));
  }

  /**
   * Starts a scenario of a projector that writes several read models, all in memory.
   *
   * @param factory makes the projector from the read models, asking each for its repository
   * @return the scenario, whose checks name a read model by its document type
   */
  public static ProjectorScenario<ReadModel> forReadModels(
      Function<? super ReadModels, ? extends Projector> factory) {
    return forReadModels(ReadModels.inMemory(), factory);
  }

  /**
   * Starts a scenario of a projector that writes several read models, some of the test's choosing.
   *
   * @param models the read models, such as {@code ReadModels.inMemory().with(Balance.class, jdbc)}
   * @param factory makes the projector from the read models, asking each for its repository
   * @return the scenario, whose checks name a read model by its document type
   */
  public static ProjectorScenario<ReadModel> forReadModels(
      ReadModels models, Function<? super ReadModels, ? extends Projector> factory) {
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(factory, "factory");
    return new ProjectorScenario<>(null, models, () -> factory.apply(models));
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

  /**
   * Returns the read model the projector writes to.
   *
   * @return the repository
   * @throws IllegalStateException if the projector writes several read models: use {@link
   *     #repository(Class)}
   */
  @SuppressWarnings("unchecked") // a scenario of several read models has T = ReadModel
  public ReadModelRepository<T> repository() {
    if (single != null) {
      return single;
    }
    List<Class<?>> types = models.types();
    if (types.size() != 1) {
      throw new IllegalStateException(
          "The projector writes "
              + types.size()
              + " read models "
              + names(types)
              + ": name the one to check by its document type, as in then(Type.class, ...)");
    }
    return (ReadModelRepository<T>) models.repository(types.get(0).asSubclass(ReadModel.class));
  }

  /**
   * Returns the read model of a document type, in a scenario started by {@code forReadModels}.
   *
   * @param type the documents' class
   * @param <U> the documents' type
   * @return the repository
   * @throws IllegalStateException if the scenario was started by {@code forProjector}, which has
   *     one read model: use {@link #repository()}
   */
  public <U extends ReadModel> ReadModelRepository<U> repository(Class<U> type) {
    Objects.requireNonNull(type, "type");
    if (models == null) {
      throw new IllegalStateException(
          "This scenario has one read model, so it has no read model of "
              + type.getName()
              + " to look up: use repository() and then(expected...), or start the scenario with"
              + " forReadModels(...) for a projector that writes several");
    }
    return models.repository(type);
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
   * @throws org.opentest4j.AssertionFailedError listing the documents side by side, paired by id,
   *     and naming the fields that differ, if they differ
   * @throws IllegalStateException if the projector writes several read models: use {@link
   *     #then(Class, ReadModel[])}
   */
  @SafeVarargs
  public final ProjectorScenario<T> then(T... expected) {
    var wanted = new ArrayList<T>();
    for (T model : expected) {
      wanted.add(model);
    }
    assertHolds("The read model differs", repository(), wanted);
    return this;
  }

  /**
   * Checks that the read model of a document type holds exactly these documents, in any order.
   *
   * @param type the documents' class, which names the read model
   * @param expected the documents
   * @param <U> the documents' type
   * @return this scenario
   * @throws org.opentest4j.AssertionFailedError listing the documents side by side, paired by id,
   *     and naming the fields that differ, if they differ
   * @throws IllegalStateException if the scenario was started by {@code forProjector}
   */
  @SafeVarargs
  public final <U extends ReadModel> ProjectorScenario<T> then(Class<U> type, U... expected) {
    var wanted = new ArrayList<U>();
    for (U model : expected) {
      wanted.add(model);
    }
    assertHolds("The read model of " + type.getSimpleName() + " differs", repository(type), wanted);
    return this;
  }

  /**
   * Runs the test's own checks on the read model.
   *
   * @param assertions the checks, given the repository
   * @return this scenario
   * @throws IllegalStateException if the projector writes several read models: use {@link
   *     #thenRepository(Class, Consumer)}
   */
  public ProjectorScenario<T> thenRepository(Consumer<? super ReadModelRepository<T>> assertions) {
    Objects.requireNonNull(assertions, "assertions");
    assertions.accept(repository());
    return this;
  }

  /**
   * Runs the test's own checks on the read model of a document type.
   *
   * @param type the documents' class, which names the read model
   * @param assertions the checks, given the repository
   * @param <U> the documents' type
   * @return this scenario
   * @throws IllegalStateException if the scenario was started by {@code forProjector}
   */
  public <U extends ReadModel> ProjectorScenario<T> thenRepository(
      Class<U> type, Consumer<? super ReadModelRepository<U>> assertions) {
    Objects.requireNonNull(assertions, "assertions");
    assertions.accept(repository(type));
    return this;
  }

  private static <U extends ReadModel> void assertHolds(
      String what, ReadModelRepository<U> repository, Collection<? extends U> expected) {
    Comparator<ReadModel> byId = Comparator.comparing(ReadModel::id);
    var wanted = new ArrayList<U>();
    for (U model : expected) {
      wanted.add(Objects.requireNonNull(model, "an expected document is null"));
    }
    wanted.sort(byId);
    List<U> actual = repository.findAll().stream().sorted(byId).toList();
    SideBySide.assertEqualByKey(what, "document(s)", wanted, actual, ReadModel::id);
  }

  private static String names(List<Class<?>> types) {
    return types.stream().map(Class::getSimpleName).toList().toString();
  }

  private void handle(Object event) {
    Objects.requireNonNull(event, "event");
    long playhead = playheads.merge(aggregateId, 0L, (last, zero) -> last + 1);
    projector.handle(DomainMessage.recordNow(aggregateId, playhead, metadata, event, clock));
  }
}
