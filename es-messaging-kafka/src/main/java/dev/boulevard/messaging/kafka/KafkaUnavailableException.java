package dev.boulevard.messaging.kafka;

import dev.boulevard.BoulevardException;
import java.time.Duration;

/**
 * Thrown when Kafka could not be reached or did not acknowledge in time, or a client failed in a
 * way that says nothing about the messages themselves: the caller sends the same messages again
 * later. The message names the brokers and the topic.
 */
public final class KafkaUnavailableException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Reports messages that the brokers did not acknowledge within the send timeout.
   *
   * @param servers the bootstrap servers
   * @param topic the topic, or a description of the topics
   * @param pending how many messages were still unacknowledged
   * @param timeout the send timeout
   * @return the exception
   */
  static KafkaUnavailableException timedOut(
      String servers, String topic, int pending, Duration timeout) {
    return new KafkaUnavailableException(
        "Kafka at "
            + servers
            + " did not acknowledge "
            + pending
            + " message(s) to topic "
            + topic
            + " within "
            + timeout,
        null);
  }

  /**
   * Reports a failed send that may succeed later.
   *
   * @param servers the bootstrap servers
   * @param topic the topic
   * @param index the index of the first failed envelope in the list sent
   * @param cause what the client said
   * @return the exception
   */
  static KafkaUnavailableException failed(
      String servers, String topic, int index, Throwable cause) {
    return new KafkaUnavailableException(
        "Kafka at "
            + servers
            + " did not take envelope "
            + index
            + " of a send to topic "
            + topic
            + ": "
            + cause,
        cause);
  }
}
