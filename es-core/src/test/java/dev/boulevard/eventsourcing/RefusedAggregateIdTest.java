package dev.boulevard.eventsourcing;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.repository.AsOf;
import dev.boulevard.snapshotting.Snapshot;
import dev.boulevard.snapshotting.SnapshotPolicy;
import dev.boulevard.snapshotting.SnapshotStore;
import dev.boulevard.snapshotting.SnapshottingRepository;
import dev.boulevard.snapshotting.StoredSnapshot;
import dev.boulevard.snapshotting.contract.SnapshotAccount;
import dev.boulevard.snapshotting.contract.SnapshotAccount.State;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repositories refuse a blank id or one with a control character before asking any store. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefusedAggregateIdTest {

  /** A store that fails the test when it is asked anything. */
  private static final class UntouchableStore implements EventStore, SnapshotStore {

    @Override
    public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
      throw new AssertionError("the event store was asked to load '" + aggregateId + "'");
    }

    @Override
    public AppendResult append(String aggregateId, DomainEventStream stream) {
      throw new AssertionError("the event store was asked to append to '" + aggregateId + "'");
    }

    @Override
    public Optional<StoredSnapshot> latest(String aggregateId) {
      throw new AssertionError("the snapshot store was asked for '" + aggregateId + "'");
    }

    @Override
    public void save(Snapshot<?> snapshot) {
      throw new AssertionError("the snapshot store was asked to save " + snapshot);
    }
  }

  private final UntouchableStore store = new UntouchableStore();
  private final EventSourcingRepository<SnapshotAccount> repository =
      EventSourcingRepository.builder(
              SnapshotAccount.class, store, AggregateFactory.of(SnapshotAccount::new))
          .build();
  private final SnapshottingRepository<SnapshotAccount, State> snapshotting =
      SnapshottingRepository.of(
          repository, store, SnapshotAccount.format(1), SnapshotPolicy.everyEvents(1));

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a\nb", "a\u0000"})
  void the_event_sourcing_repository_refuses_the_id_without_asking_the_store(String id) {
    assertThatIllegalArgumentException().isThrownBy(() -> repository.load(id));
    assertThatIllegalArgumentException().isThrownBy(() -> repository.find(id));
    assertThatIllegalArgumentException().isThrownBy(() -> repository.find(id, AsOf.playhead(1)));
    assertThatIllegalArgumentException().isThrownBy(() -> repository.load(id, AsOf.playhead(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> repository.save(SnapshotAccount.open(id, "Alice")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a\nb", "a\u0000"})
  void the_snapshotting_repository_refuses_the_id_without_asking_either_store(String id) {
    assertThatIllegalArgumentException().isThrownBy(() -> snapshotting.load(id));
    assertThatIllegalArgumentException().isThrownBy(() -> snapshotting.find(id));
    assertThatIllegalArgumentException().isThrownBy(() -> snapshotting.find(id, AsOf.playhead(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> snapshotting.save(SnapshotAccount.open(id, "Alice")));
  }
}
