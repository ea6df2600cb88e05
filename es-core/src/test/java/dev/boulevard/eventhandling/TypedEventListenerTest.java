package dev.boulevard.eventhandling;

import static dev.boulevard.eventhandling.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TypedEventListenerTest {

  record Opened(String owner) {}

  record Deposited(int amount) {}

  record Renamed(String name) {}

  private final List<String> log = new ArrayList<>();

  private final TypedEventListener listener =
      new TypedEventListener() {
        {
          on(Opened.class, opened -> log.add("opened by " + opened.owner()));
          on(
              Deposited.class,
              (deposited, message) ->
                  log.add("deposited " + deposited.amount() + " at " + message.playhead()));
        }
      };

  @Test
  void routes_each_payload_to_the_handler_of_its_class() {
    listener.handle(message(0, new Opened("ann")));
    listener.handle(message(4, new Deposited(10)));

    assertThat(log).containsExactly("opened by ann", "deposited 10 at 4");
  }

  @Test
  void ignores_payloads_without_a_handler() {
    listener.handle(message(0, new Renamed("savings")));

    assertThat(log).isEmpty();
  }

  @Test
  void rejects_a_second_handler_for_the_same_class() {
    assertThatThrownBy(
            () ->
                new TypedEventListener() {
                  {
                    on(Opened.class, opened -> {});
                    on(Opened.class, (opened, message) -> {});
                  }
                })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Opened.class.getName());
  }

  @Test
  void receives_what_a_bus_publishes() {
    var bus = new SimpleEventBus();
    bus.subscribe(listener);

    bus.publish(Messages.streamOf(new Opened("bob"), new Renamed("x"), new Deposited(3)));

    assertThat(log).containsExactly("opened by bob", "deposited 3 at 2");
  }
}
