package dev.boulevard.eventhandling;

import static dev.boulevard.eventhandling.Messages.streamOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.boulevard.domain.DomainMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IsolatingEventBusTest {

  record Failure(EventListener listener, DomainMessage message, RuntimeException error) {}

  private final List<Failure> failures = new ArrayList<>();
  private final IsolatingEventBus bus =
      new IsolatingEventBus(
          (listener, message, error) -> failures.add(new Failure(listener, message, error)));
  private final List<String> log = new ArrayList<>();

  @Test
  void keeps_delivering_to_the_other_listeners_and_messages_after_one_fails() {
    var error = new IllegalStateException("read model broke");
    EventListener failing =
        message -> {
          if (message.payload().equals("opened")) {
            throw error;
          }
          log.add("failing " + message.payload());
        };
    bus.subscribe(failing);
    bus.subscribe(message -> log.add("other " + message.payload()));
    var stream = streamOf("opened", "deposited");

    bus.publish(stream);

    assertThat(log).containsExactly("other opened", "failing deposited", "other deposited");
    assertThat(failures).containsExactly(new Failure(failing, stream.messages().get(0), error));
  }

  @Test
  void delivers_a_stream_published_from_a_listener_after_the_current_stream() {
    bus.subscribe(
        message -> {
          log.add("first " + message.payload());
          if (message.payload().equals("opened")) {
            bus.publish(streamOf("welcomed"));
          }
        });
    bus.subscribe(message -> log.add("second " + message.payload()));

    bus.publish(streamOf("opened"));

    assertThat(log)
        .containsExactly("first opened", "second opened", "first welcomed", "second welcomed");
  }

  @Test
  void lets_the_failure_handler_s_own_exception_reach_the_publisher() {
    var escalated = new IllegalArgumentException("escalated");
    var strict =
        new IsolatingEventBus(
            (listener, message, error) -> {
              throw escalated;
            });
    strict.subscribe(
        message -> {
          throw new IllegalStateException("read model broke");
        });

    assertThat(catchThrowable(() -> strict.publish(streamOf("opened")))).isSameAs(escalated);
  }

  @Test
  void logs_a_failure_by_default_without_throwing() {
    var logging = new IsolatingEventBus();
    logging.subscribe(
        message -> {
          throw new IllegalStateException("read model broke (expected by this test)");
        });
    logging.subscribe(message -> log.add("other " + message.payload()));

    assertThatCode(() -> logging.publish(streamOf("opened"))).doesNotThrowAnyException();
    assertThat(log).containsExactly("other opened");
  }
}
