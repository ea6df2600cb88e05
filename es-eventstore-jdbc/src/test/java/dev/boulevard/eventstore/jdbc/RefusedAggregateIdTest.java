package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.boulevard.snapshotting.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDBC stores refuse a blank id or one with a control character before using the database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefusedAggregateIdTest {

  @RegisterExtension final TestStores stores = new TestStores(TestDatabase.H2);

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a\nb", "a\u0000", "\u0085"})
  void every_operation_refuses_the_id_without_taking_a_connection(String id) throws Exception {
    var counting = new CountingDataSource(stores.database().dataSource());
    String table = stores.newTable();
    JdbcSchema.eventStore(counting, table).migrate();
    JdbcEventStore events =
        stores.storeOn(
            table, builder -> JdbcEventStore.builder(counting, TestStores.SERIALIZER).table(table));
    JdbcSnapshotStore snapshots = TestSnapshots.beside(stores, events);
    counting.reset();

    assertThatIllegalArgumentException().isThrownBy(() -> events.load(id));
    assertThatIllegalArgumentException().isThrownBy(() -> events.loadFromPlayhead(id, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> events.streamFromPlayhead(id, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> events.positionOf(id, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> events.append(id, deposits(id, 0, 1)));
    assertThatIllegalArgumentException().isThrownBy(() -> snapshots.latest(id));
    assertThatIllegalArgumentException().isThrownBy(() -> snapshots.loadWithTail(id));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> snapshots.save(new Snapshot<>(id, 0, 1, "state")));

    assertThat(counting.connections()).isZero();
    assertThat(counting.executed()).isZero();
  }
}
