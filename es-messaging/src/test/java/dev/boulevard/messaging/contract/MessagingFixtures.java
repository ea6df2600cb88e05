package dev.boulevard.messaging.contract;

import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.messaging.Envelope;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Envelopes and a serializer for the messaging tests, on es-core's contract events. */
public final class MessagingFixtures {

  /** A serializer that knows the contract events as {@code contract.opened} and so on. */
  public static final Serializer SERIALIZER =
      new JacksonSerializer(
          EventTypeRegistry.builder()
              .register("contract.opened", ContractEvent.Opened.class)
              .register("contract.deposited", ContractEvent.Deposited.class)
              .register("contract.withdrawn", ContractEvent.Withdrawn.class)
              .build());

  private static final Instant RECORDED_ON = Instant.parse("2026-12-06T03:04:05.123456Z");

  private MessagingFixtures() {}

  /**
   * Makes an envelope of a deposit.
   *
   * @param aggregateId the account
   * @param playhead its playhead
   * @param position its log position
   * @return the envelope, with a correlation id in its metadata
   */
  public static Envelope deposit(String aggregateId, long playhead, long position) {
    return new Envelope(
        UUID.nameUUIDFromBytes((aggregateId + "/" + playhead).getBytes()),
        aggregateId,
        playhead,
        position,
        "contract.deposited",
        1,
        RECORDED_ON,
        Map.of("correlation_id", "c-" + aggregateId, "causation_id", "x-" + playhead),
        "{\"account\":\"" + aggregateId + "\",\"amount\":" + (playhead + 1) + "}");
  }

  /**
   * Makes the deposits of several accounts, interleaved the way a global log interleaves them.
   *
   * @param accounts how many accounts
   * @param each how many deposits per account
   * @param prefix the accounts' id prefix, unique per test
   * @return the envelopes, positions from 1
   */
  public static List<Envelope> interleaved(int accounts, int each, String prefix) {
    List<Envelope> envelopes = new ArrayList<>(accounts * each);
    long position = 1;
    for (int playhead = 0; playhead < each; playhead++) {
      for (int account = 0; account < accounts; account++) {
        envelopes.add(deposit(prefix + "-" + account, playhead, position++));
      }
    }
    return envelopes;
  }

  /**
   * Makes an envelope whose payload is larger than brokers take by default (1 MiB).
   *
   * @param aggregateId the account
   * @param playhead its playhead
   * @param position its log position
   * @return the envelope, of about 2 MiB
   */
  public static Envelope oversized(String aggregateId, long playhead, long position) {
    Envelope small = deposit(aggregateId, playhead, position);
    return new Envelope(
        small.eventId(),
        aggregateId,
        playhead,
        position,
        "contract.opened",
        1,
        small.recordedOn(),
        small.metadata(),
        "{\"account\":\"" + aggregateId + "\",\"owner\":\"" + "x".repeat(2 << 20) + "\"}");
  }
}
