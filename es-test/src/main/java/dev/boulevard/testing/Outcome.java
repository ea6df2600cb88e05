package dev.boulevard.testing;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

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
      throw new AssertionFailedError(
          "Expected " + expected.size() + " " + noun + ", but 'when' threw " + failure,
          SideBySide.render(expected),
          "threw " + failure,
          failure);
    }
    SideBySide.assertEqual(what, noun, expected, events);
  }

  void assertThrows(Class<? extends Throwable> type, @Nullable String messagePart) {
    if (failure == null) {
      throw new AssertionFailedError(
          "Expected 'when' to throw "
              + type.getName()
              + ", but it recorded "
              + events.size()
              + " event(s): "
              + events,
          "throws " + type.getName(),
          SideBySide.render(events));
    }
    if (!type.isInstance(failure)) {
      throw new AssertionFailedError(
          "Expected 'when' to throw " + type.getName() + ", but it threw " + failure,
          type.getName(),
          failure.getClass().getName(),
          failure);
    }
    String message = String.valueOf(failure.getMessage());
    if (messagePart != null && !message.contains(messagePart)) {
      throw new AssertionFailedError(
          "Expected the "
              + type.getSimpleName()
              + "'s message to contain \""
              + messagePart
              + "\", but it was \""
              + message
              + "\"",
          messagePart,
          message,
          failure);
    }
    if (!events.isEmpty()) {
      throw new AssertionFailedError(
          "'when' threw "
              + failure
              + " as expected, but the command stored "
              + events.size()
              + " event(s) although it failed: "
              + events
              + "; a failed command records nothing",
          SideBySide.render(List.of()),
          SideBySide.render(events),
          failure);
    }
  }
}
