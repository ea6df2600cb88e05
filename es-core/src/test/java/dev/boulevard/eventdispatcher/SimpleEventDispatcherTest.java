package dev.boulevard.eventdispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimpleEventDispatcherTest {

  interface Announcement {}

  record Started(String name) implements Announcement {}

  record Stopped(String name) implements Announcement {}

  private final SimpleEventDispatcher dispatcher = new SimpleEventDispatcher();
  private final List<String> log = new ArrayList<>();

  @Test
  void calls_the_listeners_of_the_event_s_class_in_registration_order() {
    dispatcher.addListener(Started.class, started -> log.add("first " + started.name()));
    dispatcher.addListener(Started.class, started -> log.add("second " + started.name()));

    dispatcher.dispatch(new Started("a"));

    assertThat(log).containsExactly("first a", "second a");
  }

  @Test
  void does_not_call_the_listeners_of_other_classes() {
    dispatcher.addListener(Stopped.class, stopped -> log.add("stopped"));

    dispatcher.dispatch(new Started("a"));

    assertThat(log).isEmpty();
  }

  @Test
  void calls_the_listeners_of_supertypes_and_interfaces_too() {
    dispatcher.addListener(Object.class, event -> log.add("object " + event));
    dispatcher.addListener(Started.class, started -> log.add("started"));
    dispatcher.addListener(Announcement.class, announcement -> log.add("announcement"));

    dispatcher.dispatch(new Started("a"));
    dispatcher.dispatch(new Stopped("b"));

    assertThat(log)
        .containsExactly(
            "object Started[name=a]",
            "started",
            "announcement",
            "object Stopped[name=b]",
            "announcement");
  }

  @Test
  void lets_a_listener_s_exception_propagate_and_skips_the_later_listeners() {
    var failure = new IllegalStateException("listener broke");
    dispatcher.addListener(
        Started.class,
        started -> {
          throw failure;
        });
    dispatcher.addListener(Started.class, started -> log.add("later"));

    assertThat(catchThrowable(() -> dispatcher.dispatch(new Started("a")))).isSameAs(failure);
    assertThat(log).isEmpty();
  }
}
