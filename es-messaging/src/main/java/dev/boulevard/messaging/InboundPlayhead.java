package dev.boulevard.messaging;

/**
 * What an {@link InboundProjection} keeps per aggregate beside its read models: the playhead of the
 * aggregate's last event it applied, by which it drops an event published twice.
 *
 * @param id the aggregate's id
 * @param playhead the playhead of its last event applied
 * @param piece that event's piece, if an upcaster split the stored event (0 otherwise)
 */
public record InboundPlayhead(String id, long playhead, int piece)
    implements dev.boulevard.readmodel.ReadModel {}
