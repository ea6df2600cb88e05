package dev.boulevard.messaging;

/**
 * What an {@link InboundProjection} keeps per source (a Kafka partition, a NATS consumer) beside
 * its read models: the offset of the last message it applied.
 *
 * @param id the source's name
 * @param offset the offset (Kafka) or stream sequence (NATS) of the last message applied
 */
public record InboundOffset(String id, long offset) implements dev.boulevard.readmodel.ReadModel {}
