package dev.boulevard.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.SettableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AggregateFactoryTest {

  private final SettableClock clock = SettableClock.standingStill();

  @Test
  void of_creates_a_blank_aggregate_and_replays_the_history_into_it() {
    var account =
        AggregateFactory.of(Account::new)
            .create("a-1", history("a-1", new Opened("a-1"), new Deposited("a-1", 4)));

    assertThat(account.aggregateId()).isEqualTo("a-1");
    assertThat(account.balance()).isEqualTo(4);
    assertThat(account.playhead()).isEqualTo(1);
  }

  @Test
  void with_id_creates_the_aggregate_from_its_id_and_replays_the_history_into_it() {
    var named = AggregateFactory.withId(Named::new).create("n-7", history("n-7", "a", "b"));

    assertThat(named.aggregateId()).isEqualTo("n-7");
    assertThat(named.seen).containsExactly("a", "b");
    assertThat(named.playhead()).isEqualTo(1);
    assertThat(named.uncommittedEvents()).isEmpty();
  }

  private DomainEventStream history(String aggregateId, Object... events) {
    var messages = new ArrayList<DomainMessage>();
    for (int i = 0; i < events.length; i++) {
      messages.add(DomainMessage.recordNow(aggregateId, i, Metadata.empty(), events[i], clock));
    }
    return DomainEventStream.of(messages);
  }

  /** An aggregate that knows its id from its constructor, not from its first event. */
  private static final class Named extends EventSourcedAggregateRoot<String> {

    private final String id;
    private final List<String> seen = new ArrayList<>();

    Named(String id) {
      super(String.class);
      this.id = id;
    }

    @Override
    public String aggregateId() {
      return id;
    }

    @Override
    protected void when(String event) {
      seen.add(event);
    }
  }
}
