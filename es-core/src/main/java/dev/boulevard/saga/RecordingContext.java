package dev.boulevard.saga;

import dev.boulevard.domain.DomainMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The context of one handling: it records what the handler decides. Not thread-safe. */
final class RecordingContext implements ProcessContext {

  private final DomainMessage message;
  private final String correlation;
  private final List<ProcessAction> actions = new ArrayList<>();
  private boolean ended;

  RecordingContext(DomainMessage message, String correlation) {
    this.message = message;
    this.correlation = correlation;
  }

  @Override
  public DomainMessage message() {
    return message;
  }

  @Override
  public String correlation() {
    return correlation;
  }

  @Override
  public void dispatch(Object command) {
    actions.add(new ProcessAction.Dispatch(command));
  }

  @Override
  public void schedule(String key, Instant dueAt, Object command) {
    actions.add(new ProcessAction.Schedule(key, dueAt, command));
  }

  @Override
  public void cancel(String key) {
    actions.add(new ProcessAction.Cancel(key));
  }

  @Override
  public void end() {
    ended = true;
  }

  boolean ended() {
    return ended;
  }

  List<ProcessAction> actions() {
    return actions;
  }
}
