/**
 * Boulevard's messaging over Apache Kafka: {@link dev.boulevard.messaging.kafka.KafkaTransport}
 * publishes envelopes through an idempotent producer keyed by aggregate id, and {@link
 * dev.boulevard.messaging.kafka.KafkaInbound} feeds an {@link
 * dev.boulevard.messaging.InboundProjection} from a topic, keeping the offsets in the read models'
 * storage.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.messaging.kafka;

import org.jspecify.annotations.NullMarked;
