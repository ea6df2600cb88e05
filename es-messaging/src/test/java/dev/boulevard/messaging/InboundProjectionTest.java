package dev.boulevard.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.messaging.contract.MessagingFixtures;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.jdbc.JdbcReadModelStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** An inbound projection on H2: each event once, and a failure changes nothing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InboundProjectionTest {

  private final JdbcReadModelStorage storage;
  private final ReadModelRepository<Balance> balances;
  private volatile String failOn = "";
  private final InboundProjection inbound;

  InboundProjectionTest() {
    var dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:inbound-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    storage = JdbcReadModelStorage.create(dataSource);
    balances = storage.repository("balances", Balance.class);
    inbound =
        InboundProjection.named("loyalty")
            .storage(storage)
            .serializer(MessagingFixtures.SERIALIZER)
            .projector(
                new BalanceProjector(
                    balances, m -> (m.aggregateId() + "@" + m.playhead()).equals(failOn)))
            .build();
  }

  private static List<InboundMessage> messages(long firstOffset, List<Envelope> envelopes) {
    List<InboundMessage> messages = new ArrayList<>();
    for (Envelope envelope : envelopes) {
      messages.add(new InboundMessage(firstOffset++, EnvelopeJson.write(envelope)));
    }
    return messages;
  }

  @Test
  void each_event_is_applied_once_and_the_offset_kept_beside_it() {
    List<Envelope> sent = MessagingFixtures.interleaved(2, 3, "a");

    var applied = inbound.apply("topic/0", messages(0, sent));

    assertThat(applied).isEqualTo(new InboundProjection.Applied(6, 0, 0));
    assertThat(balances.find("a-0").orElseThrow().playheads()).containsExactly(0L, 1L, 2L);
    assertThat(inbound.lastOffset("topic/0")).isEqualTo(OptionalLong.of(5));
    assertThat(inbound.lastOffset("topic/1")).isEmpty();
  }

  @Test
  void messages_delivered_again_after_a_crash_are_passed_over() {
    List<InboundMessage> messages = messages(0, MessagingFixtures.interleaved(1, 4, "a"));
    inbound.apply("topic/0", messages.subList(0, 3));

    var applied = inbound.apply("topic/0", messages);

    assertThat(applied).isEqualTo(new InboundProjection.Applied(1, 3, 0));
    assertThat(balances.find("a-0").orElseThrow().playheads()).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void events_published_again_under_new_offsets_are_passed_over_by_their_playhead() {
    List<Envelope> sent = MessagingFixtures.interleaved(1, 4, "a");
    inbound.apply("topic/0", messages(0, sent.subList(0, 3)));

    // the publisher crashed before its checkpoint moved, and published from playhead 1 again
    var applied = inbound.apply("topic/0", messages(3, sent.subList(1, 4)));

    assertThat(applied).isEqualTo(new InboundProjection.Applied(1, 0, 2));
    assertThat(balances.find("a-0").orElseThrow().playheads()).containsExactly(0L, 1L, 2L, 3L);
    assertThat(inbound.lastOffset("topic/0")).isEqualTo(OptionalLong.of(5));
  }

  @Test
  void a_failing_event_rolls_back_its_whole_batch_and_names_the_message() {
    inbound.apply("topic/0", messages(0, MessagingFixtures.interleaved(1, 1, "a")));
    failOn = "a-0@2";

    assertThatThrownBy(
            () ->
                inbound.apply(
                    "topic/0", messages(1, MessagingFixtures.interleaved(1, 4, "a").subList(1, 4))))
        .isInstanceOf(InboundMessageException.class)
        .hasMessageContaining("message 2 of topic/0")
        .hasMessageContaining("contract.deposited of aggregate a-0 at playhead 2")
        .satisfies(e -> assertThat(((InboundMessageException) e).offset()).isEqualTo(2));

    assertThat(balances.find("a-0").orElseThrow().playheads()).containsExactly(0L);
    assertThat(inbound.lastOffset("topic/0")).isEqualTo(OptionalLong.of(0));

    failOn = "";
    inbound.apply("topic/0", messages(1, MessagingFixtures.interleaved(1, 4, "a").subList(1, 4)));
    assertThat(balances.find("a-0").orElseThrow().playheads()).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void a_body_that_is_not_an_envelope_changes_nothing_and_is_named() {
    List<InboundMessage> messages =
        new ArrayList<>(messages(0, MessagingFixtures.interleaved(1, 2, "a")));
    messages.add(new InboundMessage(2, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> inbound.apply("topic/0", messages))
        .isInstanceOf(InboundMessageException.class)
        .hasMessageContaining("message 2 of topic/0 is not an envelope");
    assertThat(balances.find("a-0")).isEmpty();
    assertThat(inbound.lastOffset("topic/0")).isEmpty();
  }

  @Test
  void a_name_that_cannot_name_its_tables_is_refused() {
    assertThatThrownBy(() -> InboundProjection.named("9lives"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'9lives'");
  }

  @Test
  void the_pieces_of_a_split_event_share_a_playhead_and_are_each_applied_once() {
    Envelope whole = MessagingFixtures.deposit("a-0", 0, 1);
    Envelope first = MessagingFixtures.deposit("a-0", 1, 2);
    Envelope second = piece(MessagingFixtures.deposit("a-0", 1, 2), 1, "a-0-1b");
    Envelope third = piece(MessagingFixtures.deposit("a-0", 1, 2), 2, "a-0-1c");

    var applied = inbound.apply("topic/0", messages(0, List.of(whole, first, second)));
    // published again from the row's start, and on to its last piece
    var again = inbound.apply("topic/0", messages(3, List.of(first, second, third)));

    assertThat(applied).isEqualTo(new InboundProjection.Applied(3, 0, 0));
    assertThat(again).isEqualTo(new InboundProjection.Applied(1, 0, 2));
    assertThat(balances.find("a-0").orElseThrow().playheads()).containsExactly(0L, 1L, 1L, 1L);
  }

  private static Envelope piece(Envelope envelope, int piece, String id) {
    return new Envelope(
        UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)),
        envelope.aggregateId(),
        envelope.playhead(),
        envelope.position(),
        envelope.type(),
        envelope.version(),
        envelope.recordedOn(),
        envelope.metadata(),
        envelope.payload(),
        piece);
  }
}
