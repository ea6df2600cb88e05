package dev.boulevard.testing;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the last "when" of a scenario did: recorded events, or threw, possibly after storing events
 * that a failed command should not have stored.
 */
final class Outcome {

  private final List<Object> events;
  private final Throwable failure; // null when the "when" did not throw

  private Outcome(List<Object> events, Throwable failure) {
    this.events = events;
    this.failure = failure;
  }

  static Outcome recorded(List<?> events) {
    return new Outcome(List.copyOf(events), null);
  }

  static Outcome failed(Throwable failure) {
    return failed(failure, List.of());
  }

  static Outcome failed(Throwable failure, List<?> stored) {
    return new Outcome(List.copyOf(stored), Objects.requireNonNull(failure, "failure"));
  }

  static void requireWhen(Outcome outcome) {
    if (outcome == null) {
      throw new IllegalStateException("Call when(...) before then...(...)");
    }
  }

  void assertEvents(List<?> expected) {
    assertItems("Recorded events differ", "event(s)", expected);
  }

  /** Checks the items the "when" produced, such as the commands a process manager dispatched. */
  void assertItems(String what, String noun, List<?> expected) {
    if (failure != null) {
      throw new AssertionError(
          "Expected " + expected.size() + " " + noun + ", but 'when' threw " + failure, failure);
    }
    SideBySide.assertEqual(what, noun, expected, events);
  }

  void assertThrows(Class<? extends Throwable> type, @Nullable String messagePart) {
    if (failure == null) {
      throw new AssertionError(
          "Expected 'when' to throw "
              + type.getName()
              + ", but it recorded "
              + events.size()
              + " event(s): "
              + events);
    }
    if (!type.isInstance(failure)) {
      throw new AssertionError(
          "Expected 'when' to throw " + type.getName() + ", but it threw " + failure, failure);
    }
    String message = String.valueOf(failure.getMessage());
    if (messagePart != null && !message.contains(messagePart)) {
      throw new AssertionError(
          "Expected the "
              + type.getSimpleName()
              + "'s message to contain \""
              + messagePart
              + "\", but it was \""
              + message
              + "\"",
          failure);
    }
    if (!events.isEmpty()) {
      throw new AssertionError(
          "'when' threw "
              + failure
              + " as expected, but the command stored "
              + events.size()
              + " event(s) although it failed: "
              + events
              + "; a failed command records nothing",
          failure);
    }
  }
}
