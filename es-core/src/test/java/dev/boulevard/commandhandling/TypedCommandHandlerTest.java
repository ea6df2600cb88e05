package dev.boulevard.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TypedCommandHandlerTest {

  record Open(String id) {}

  record Close(String id) {}

  record Rename(String id) {}

  static class Transfer {
    @Override
    public String toString() {
      return getClass().getSimpleName();
    }
  }

  static final class UrgentTransfer extends Transfer {}

  interface AccountCommand {}

  private final List<String> log = new ArrayList<>();

  private final TypedCommandHandler handler =
      new TypedCommandHandler() {
        {
          on(Open.class, open -> log.add("opened " + open.id()));
          on(Close.class, close -> log.add("closed " + close.id()));
          on(Transfer.class, transfer -> log.add("transferred"));
        }
      };

  @Test
  void routes_each_command_to_the_handler_of_its_class() {
    handler.handle(new Close("a"));
    handler.handle(new Open("b"));

    assertThat(log).containsExactly("closed a", "opened b");
  }

  @Test
  void handles_only_the_exact_registered_classes() {
    assertThat(handler.handles(Open.class)).isTrue();
    assertThat(handler.handles(Transfer.class)).isTrue();
    assertThat(handler.handles(UrgentTransfer.class)).isFalse();
    assertThat(handler.handles(Rename.class)).isFalse();
  }

  @Test
  void ignores_a_command_of_an_unregistered_class() {
    handler.handle(new Rename("a"));
    handler.handle(new UrgentTransfer());

    assertThat(log).isEmpty();
  }

  @Test
  void rejects_a_second_handler_for_the_same_class() {
    assertThatThrownBy(
            () ->
                new TypedCommandHandler() {
                  {
                    on(Open.class, open -> {});
                    on(Open.class, open -> {});
                  }
                })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Open.class.getName());
  }

  @Test
  void rejects_a_handler_for_an_interface_no_command_could_have_as_its_class() {
    assertThatThrownBy(
            () ->
                new TypedCommandHandler() {
                  {
                    on(AccountCommand.class, command -> {});
                  }
                })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(AccountCommand.class.getName());
  }

  @Test
  void is_skipped_by_a_bus_for_commands_it_does_not_handle() {
    var bus = new SimpleCommandBus();
    bus.subscribe(handler);

    bus.dispatch(new Open("a"));

    assertThat(log).containsExactly("opened a");
    assertThatThrownBy(() -> bus.dispatch(new Rename("a")))
        .isInstanceOf(CommandNotHandledException.class)
        .hasMessageContaining(Rename.class.getName());
  }
}
