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

  /**
   * Makes sure the stream exists, takes {@code <prefix>.>} and has the duplicate window; a stream
   * that exists keeps its other subjects and settings.
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
                .duplicateWindow(duplicateWindow)
                .build());
        return;
      }
      StreamConfiguration config = existing.getConfiguration();
      List<String> all = new ArrayList<>(config.getSubjects());
      if (!all.contains(subjects)) {
        all.add(subjects);
      }
      management.updateStream(
          StreamConfiguration.builder(config)
              .subjects(all)
              .duplicateWindow(duplicateWindow)
              .build());
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
