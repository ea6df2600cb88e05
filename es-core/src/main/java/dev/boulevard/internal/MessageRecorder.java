package dev.boulevard.internal;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Records messages once tracing has started; what the traceable store and bus share. Thread-safe.
 */
public final class MessageRecorder {

  private final List<DomainMessage> recorded = new ArrayList<>();
  private boolean tracing;

  /** Creates a recorder that records nothing until {@link #trace()} is called. */
  public MessageRecorder() {}

  /** Starts recording. */
  public synchronized void trace() {
    tracing = true;
  }

  /**
   * Records the stream's messages if tracing has started.
   *
   * @param stream the messages
   */
  public synchronized void record(DomainEventStream stream) {
    if (tracing) {
      recorded.addAll(stream.messages());
    }
  }

  /** {@return the recorded messages, in order} */
  public synchronized List<DomainMessage> messages() {
    return List.copyOf(recorded);
  }

  /** {@return the payloads of the recorded messages, in order} */
  public List<Object> payloads() {
    return messages().stream().map(DomainMessage::payload).toList();
  }

  /** Forgets what was recorded; tracing goes on if it was on. */
  public synchronized void clear() {
    recorded.clear();
  }
}
