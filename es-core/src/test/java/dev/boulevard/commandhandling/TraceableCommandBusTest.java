package dev.boulevard.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraceableCommandBusTest {

  record Deposit(int amount) {}

  private final List<Object> handled = new ArrayList<>();

  @Test
  void records_every_command_without_calling_handlers_when_it_has_no_delegate() {
    var bus = new TraceableCommandBus();
    CommandHandler handler = handled::add;
    bus.subscribe(handler);

    bus.dispatch(new Deposit(1));
    bus.dispatch(new Deposit(2));

    assertThat(bus.recordedCommands()).containsExactly(new Deposit(1), new Deposit(2));
    assertThat(bus.subscribedHandlers()).containsExactly(handler);
    assertThat(handled).isEmpty();
  }

  @Test
  void records_and_forwards_to_its_delegate() {
    var bus = new TraceableCommandBus(new SimpleCommandBus());
    bus.subscribe(handled::add);

    bus.dispatch(new Deposit(7));

    assertThat(bus.recordedCommands()).containsExactly(new Deposit(7));
    assertThat(handled).containsExactly(new Deposit(7));
  }

  @Test
  void returns_a_copy_that_later_commands_do_not_change() {
    var bus = new TraceableCommandBus();
    bus.dispatch(new Deposit(1));
    var before = bus.recordedCommands();

    bus.dispatch(new Deposit(2));

    assertThat(before).containsExactly(new Deposit(1));
  }

  @Test
  void forgets_the_recorded_commands_when_cleared() {
    var bus = new TraceableCommandBus();
    bus.dispatch(new Deposit(1));

    bus.clear();
    bus.dispatch(new Deposit(2));

    assertThat(bus.recordedCommands()).containsExactly(new Deposit(2));
  }
}
