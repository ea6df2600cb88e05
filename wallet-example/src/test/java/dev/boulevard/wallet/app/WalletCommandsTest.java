package dev.boulevard.wallet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.auditing.InMemoryCommandLog;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.wallet.domain.Wallet;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
import dev.boulevard.wallet.domain.WalletCommand.ExpireCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import dev.boulevard.wallet.domain.WalletCommandHandler;
import dev.boulevard.wallet.domain.WalletEvents;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalletCommandsTest {
  // The command logger in a retrying unit of work under WalletCommands, as the app wires them.

  private static final String TABLE =
      "commands_test_" + UUID.randomUUID().toString().substring(0, 8);

  private final JdbcEventStore store = store();
  private final EventSourcingRepository<Wallet> wallets =
      EventSourcingRepository.builder(Wallet.class, store, AggregateFactory.of(Wallet::new))
          .build();

  @Test
  void a_command_that_loses_a_race_is_retried_and_answers_its_playhead_and_position() {
    var commands = new WalletCommands(audited(new LosingBus(2)), wallets);
    CommandResult result = commands.dispatch(new AddWalletCredits("ada", 10));
    assertThat(result.playhead()).isZero();
    assertThat(result.position()).isEqualTo(store.positionOf("ada", 0).getAsLong());
  }

  @Test
  void a_command_answers_the_playhead_and_position_of_the_last_event_it_recorded() {
    var commands = new WalletCommands(audited(new LosingBus(0)), wallets);
    commands.dispatch(new AddWalletCredits("cy", 10));

    CommandResult result = commands.dispatch(new SubCredits("cy", 4));

    assertThat(result.playhead()).isEqualTo(store.load("cy").messages().size() - 1);
    assertThat(result.position()).isEqualTo(store.positionOf("cy", result.playhead()).getAsLong());
  }

  @Test
  void a_command_that_records_nothing_answers_the_wallet_s_playhead_and_no_position() {
    var commands = new WalletCommands(audited(new LosingBus(0)), wallets);
    commands.dispatch(new AddWalletCredits("dee", 10));

    CommandResult result = commands.dispatch(new ExpireCredits("dee"));

    assertThat(result).isEqualTo(new CommandResult("dee", 0, null));
  }

  @Test
  void a_command_that_loses_every_race_gives_up_after_a_few_attempts() {
    var bus = new LosingBus(Integer.MAX_VALUE);
    var commands = new WalletCommands(audited(bus), wallets);
    assertThatThrownBy(() -> commands.dispatch(new AddWalletCredits("bob", 10)))
        .isInstanceOf(WalletBusyException.class)
        .hasMessageContaining("bob")
        .hasCauseInstanceOf(DuplicatePlayheadException.class);
    assertThat(bus.attempts.get()).isEqualTo(5);
  }

  private final InMemoryCommandLog log = new InMemoryCommandLog();

  private CommandBus audited(CommandBus bus) {
    return CommandLogger.around(
        bus, log, Clock.systemUTC(), new RetryingUnitOfWork(store.unitOfWork(), 5));
  }

  @Test
  void a_command_that_loses_a_race_is_logged_once_by_the_attempt_that_committed() {
    var commands = new WalletCommands(audited(new LosingBus(2)), wallets);

    commands.dispatch(new AddWalletCredits("eve", 10));

    assertThat(log.entries()).singleElement().satisfies(e -> assertThat(e.succeeded()).isTrue());
  }

  @Test
  void a_command_that_loses_every_race_is_logged_once_as_failed() {
    var commands = new WalletCommands(audited(new LosingBus(Integer.MAX_VALUE)), wallets);

    assertThatThrownBy(() -> commands.dispatch(new AddWalletCredits("fay", 10)))
        .isInstanceOf(WalletBusyException.class);

    assertThat(log.entries()).singleElement().satisfies(e -> assertThat(e.succeeded()).isFalse());
  }

  private static JdbcEventStore store() {
    var dataSource = TestDatabase.H2.dataSource();
    JdbcSchema.eventStore(dataSource, TABLE).migrate();
    return JdbcEventStore.builder(dataSource, new JacksonSerializer(WalletEvents.registry()))
        .table(TABLE)
        .build();
  }

  /** A bus whose first attempts lose the race for the playhead, then handle the command. */
  private final class LosingBus implements CommandBus {
    final AtomicInteger attempts = new AtomicInteger();
    private final int losses;
    private final SimpleCommandBus handling = new SimpleCommandBus();

    LosingBus(int losses) {
      this.losses = losses;
      handling.subscribe(new WalletCommandHandler(wallets, Clock.systemUTC()));
    }

    @Override
    public void subscribe(CommandHandler handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public DispatchResult dispatch(Object command) {
      if (attempts.incrementAndGet() <= losses) {
        throw DuplicatePlayheadException.forPlayhead(((WalletCommand) command).userId(), 0);
      }
      return handling.dispatch(command);
    }
  }
}
