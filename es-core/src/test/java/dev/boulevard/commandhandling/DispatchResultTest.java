package dev.boulevard.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.auditing.InMemoryCommandLog;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.fixtures.Account;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DispatchResultTest {

  record Open(String account) {}

  record Deposit(String account, long amount) {}

  record OpenWithBonus(String account) {}

  private final PositionCountingStore store = new PositionCountingStore();
  private final EventSourcingRepository<Account> accounts =
      EventSourcingRepository.builder(Account.class, store, AggregateFactory.of(Account::new))
          .build();
  private final SimpleCommandBus bus = new SimpleCommandBus();
  private final List<DispatchResult> queuedResults = new ArrayList<>();

  DispatchResultTest() {
    bus.subscribe(this::handle);
  }

  private void handle(Object command) {
    if (command instanceof Open open) {
      accounts.save(Account.open(open.account()));
    } else if (command instanceof Deposit deposit) {
      Account account = accounts.load(deposit.account());
      account.deposit(deposit.amount());
      accounts.save(account);
    } else if (command instanceof OpenWithBonus open) {
      accounts.save(Account.open(open.account()));
      queuedResults.add(bus.dispatch(new Deposit(open.account(), 10)));
    }
  }

  @Test
  void a_dispatch_returns_what_its_handler_saved() {
    bus.dispatch(new Open("a-1"));

    DispatchResult result = bus.dispatch(new Deposit("a-1", 5));

    assertThat(result.appends())
        .containsExactly(new AppendResult("a-1", 1, Checkpoint.atPosition(2)));
    assertThat(result.position()).isEqualTo(2);
    assertThat(result.lastOf("a-1")).map(AppendResult::lastPlayhead).contains(1L);
    assertThat(result.lastOf("a-2")).isEmpty();
  }

  @Test
  void a_dispatch_returns_what_the_commands_queued_during_it_saved_too() {
    DispatchResult result = bus.dispatch(new OpenWithBonus("a-1"));

    assertThat(result.appends())
        .containsExactly(
            new AppendResult("a-1", 0, Checkpoint.atPosition(1)),
            new AppendResult("a-1", 1, Checkpoint.atPosition(2)));
    assertThat(result.position()).isEqualTo(2);
    assertThat(queuedResults).containsExactly(DispatchResult.none());
  }

  @Test
  void a_dispatch_that_saves_nothing_new_returns_none() {
    bus.subscribe(command -> accounts.save(new Account()));
    bus.dispatch(new Open("a-1"));

    assertThat(bus.dispatch("save nothing")).isEqualTo(DispatchResult.none());
    assertThat(DispatchResult.none().position()).isZero();
  }

  @Test
  void decorating_buses_return_what_the_bus_they_wrap_stored() {
    CommandBus decorated =
        new TraceableCommandBus(
            new CorrelatingCommandBus(
                CommandLogger.around(bus, new InMemoryCommandLog(), Clock.systemUTC())));

    DispatchResult result = decorated.dispatch(new OpenWithBonus("a-1"));

    assertThat(result.appends()).extracting(AppendResult::lastPlayhead).containsExactly(0L, 1L);
  }

  @Test
  void a_save_outside_any_dispatch_is_in_no_dispatch_result() {
    accounts.save(Account.open("a-1"));

    DispatchResult result = bus.dispatch(new Deposit("a-1", 5));

    assertThat(result.appends()).extracting(AppendResult::lastPlayhead).containsExactly(1L);
  }

  @Test
  void a_failed_dispatch_leaves_nothing_behind_for_the_next_one() {
    assertThatThrownBy(() -> bus.dispatch(new Deposit("missing", 5)))
        .isInstanceOf(RuntimeException.class);

    assertThat(bus.dispatch(new Open("a-1")).appends()).hasSize(1);
  }

  /** Keeps streams in memory and numbers their events from 1, as a global log would. */
  private static final class PositionCountingStore implements EventStore {

    private final Map<String, List<DomainMessage>> streams = new HashMap<>();
    private long position;

    @Override
    public DomainEventStream loadFromPlayhead(String aggregateId, long playhead) {
      var stored = streams.getOrDefault(aggregateId, List.of());
      return DomainEventStream.of(
          stored.subList((int) Math.min(playhead, stored.size()), stored.size()));
    }

    @Override
    public AppendResult append(String aggregateId, DomainEventStream stream) {
      if (stream.isEmpty()) {
        return AppendResult.nothing(aggregateId);
      }
      streams.computeIfAbsent(aggregateId, id -> new ArrayList<>()).addAll(stream.messages());
      position += stream.size();
      long lastPlayhead = stream.messages().get(stream.size() - 1).playhead();
      return new AppendResult(aggregateId, lastPlayhead, Checkpoint.atPosition(position));
    }
  }
}
