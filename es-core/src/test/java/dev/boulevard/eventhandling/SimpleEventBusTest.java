package dev.boulevard.eventhandling;

import static dev.boulevard.eventhandling.Messages.streamOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimpleEventBusTest {

  private final SimpleEventBus bus = new SimpleEventBus();
  private final List<String> log = new ArrayList<>();

  @Test
  void publishes_each_message_to_every_listener_in_subscription_order() {
    bus.subscribe(message -> log.add("first " + message.payload()));
    bus.subscribe(message -> log.add("second " + message.payload()));

    bus.publish(streamOf("opened", "deposited"));

    assertThat(log)
        .containsExactly("first opened", "second opened", "first deposited", "second deposited");
  }

  @Test
  void delivers_a_stream_published_from_a_listener_after_the_current_stream() {
    bus.subscribe(
        message -> {
          log.add("first " + message.payload());
          if (message.payload().equals("opened")) {
            bus.publish(streamOf("welcomed"));
            log.add("first published welcomed");
          }
        });
    bus.subscribe(message -> log.add("second " + message.payload()));

    bus.publish(streamOf("opened", "deposited"));

    assertThat(log)
        .containsExactly(
            "first opened",
            "first published welcomed",
            "second opened",
            "first deposited",
            "second deposited",
            "first welcomed",
            "second welcomed");
  }

  @Test
  void a_listener_s_exception_reaches_the_publisher_and_drops_the_queued_streams() {
    var failure = new IllegalStateException("read model broke");
    bus.subscribe(
        message -> {
          log.add("first " + message.payload());
          if (message.payload().equals("opened")) {
            bus.publish(streamOf("welcomed"));
            throw failure;
          }
        });
    bus.subscribe(message -> log.add("second " + message.payload()));

    Throwable thrown = catchThrowable(() -> bus.publish(streamOf("opened", "deposited")));

    assertThat(thrown).isSameAs(failure);
    assertThat(log).containsExactly("first opened");
  }

  @Test
  void keeps_working_after_a_listener_failed() {
    bus.subscribe(
        message -> {
          if (message.payload().equals("opened")) {
            bus.publish(streamOf("welcomed"));
            throw new IllegalStateException("read model broke");
          }
          log.add("got " + message.payload());
        });
    catchThrowable(() -> bus.publish(streamOf("opened")));

    bus.publish(streamOf("deposited"));

    assertThat(log).containsExactly("got deposited");
  }

  @Test
  void publishing_an_empty_stream_calls_no_listener() {
    bus.subscribe(message -> log.add("got " + message.payload()));

    bus.publish(streamOf());

    assertThat(log).isEmpty();
  }
}
