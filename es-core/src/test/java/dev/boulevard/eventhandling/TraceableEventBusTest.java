package dev.boulevard.eventhandling;

import static dev.boulevard.eventhandling.Messages.streamOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraceableEventBusTest {

  private final TraceableEventBus bus = new TraceableEventBus();

  @Test
  void records_nothing_before_tracing_starts() {
    bus.publish(streamOf("opened"));

    assertThat(bus.events()).isEmpty();
  }

  @Test
  void records_the_messages_published_once_tracing() {
    bus.publish(streamOf("opened"));
    bus.trace();
    var stream = streamOf("deposited", "withdrawn");

    bus.publish(stream);

    assertThat(bus.events()).containsExactly("deposited", "withdrawn");
    assertThat(bus.messages()).isEqualTo(stream.messages());
  }

  @Test
  void forgets_the_recorded_messages_when_cleared_and_keeps_tracing() {
    bus.trace();
    bus.publish(streamOf("opened"));

    bus.clearEvents();
    bus.publish(streamOf("deposited"));

    assertThat(bus.events()).containsExactly("deposited");
  }

  @Test
  void delivers_to_the_listeners_of_the_wrapped_bus() {
    var delivered = new ArrayList<Object>();
    var traceable = new TraceableEventBus(new SimpleEventBus());
    traceable.subscribe(message -> delivered.add(message.payload()));

    traceable.publish(streamOf("opened"));

    assertThat(delivered).containsExactly("opened");
  }

  @Test
  void records_in_publishing_order_when_a_listener_publishes_again() {
    List<Object> delivered = new ArrayList<>();
    bus.subscribe(
        message -> {
          delivered.add(message.payload());
          if (message.payload().equals("opened")) {
            bus.publish(streamOf("welcomed"));
          }
        });
    bus.trace();

    bus.publish(streamOf("opened"));

    assertThat(bus.events()).containsExactly("opened", "welcomed");
    assertThat(delivered).containsExactly("opened", "welcomed");
  }
}
