/**
 * Boulevard's messaging over Apache Kafka.
 *
 * <p>kafka-clients is an automatic module whose name, {@code kafka.clients}, comes from its file
 * name (the jar declares none), hence the suppressed warnings.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.boulevard.messaging.kafka {
  requires transitive dev.boulevard.messaging;
  requires kafka.clients;
  requires org.slf4j;

  exports dev.boulevard.messaging.kafka;
}
