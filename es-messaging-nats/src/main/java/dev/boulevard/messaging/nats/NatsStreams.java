package dev.boulevard.messaging.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Creates or updates the stream a {@link NatsTransport} publishes to. */
final class NatsStreams {

  /** JetStream's error code for "stream not found". */
  private static final int STREAM_NOT_FOUND = 10059;

  private NatsStreams() {}

  /** The duplicate window a stream created here gets unless one is set. */
  static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);

  /**
   * Makes sure the stream exists and takes {@code <prefix>.>}; a stream that exists keeps its other
   * subjects and settings, its duplicate window too unless one is given.
   *
   * @param duplicateWindow the window to set, or null to keep an existing stream's (a new one gets
   *     {@link #DEFAULT_DUPLICATE_WINDOW})
   */
  static void createOrUpdate(
      Connection connection, String stream, String prefix, Duration duplicateWindow) {
    String subjects = prefix + ".>";
    try {
      JetStreamManagement management = connection.jetStreamManagement();
      StreamInfo existing = find(management, stream);
      if (existing == null) {
        management.addStream(
            StreamConfiguration.builder()
                .name(stream)
                .subjects(subjects)
                .storageType(StorageType.File)
                .duplicateWindow(
                    duplicateWindow == null ? DEFAULT_DUPLICATE_WINDOW : duplicateWindow)
                .build());
        return;
      }
      StreamConfiguration config = existing.getConfiguration();
      List<String> all = new ArrayList<>(config.getSubjects());
      boolean newSubjects = !all.contains(subjects);
      if (newSubjects) {
        all.add(subjects);
      }
      if (newSubjects
          || (duplicateWindow != null && !duplicateWindow.equals(config.getDuplicateWindow()))) {
        var update = StreamConfiguration.builder(config).subjects(all);
        if (duplicateWindow != null) {
          update.duplicateWindow(duplicateWindow);
        }
        management.updateStream(update.build());
      }
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException(
          "Cannot create or update NATS stream "
              + stream
              + " (subjects "
              + subjects
              + ") at "
              + NatsTransport.servers(connection)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static StreamInfo find(JetStreamManagement management, String stream)
      throws IOException, JetStreamApiException {
    try {
      return management.getStreamInfo(stream);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
