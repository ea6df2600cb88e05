package dev.boulevard.repository;

import static dev.boulevard.eventstore.contract.ContractMessages.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AsOfTest {

  private static DomainMessage at(long playhead, Instant recordedOn) {
    return new DomainMessage(
        UUID.randomUUID(), "a-1", playhead, Metadata.empty(), "event", recordedOn);
  }

  @Test
  void cuts_a_history_after_a_playhead_inclusive() {
    var history = DomainEventStream.of(at(0, NOW), at(1, NOW), at(2, NOW));

    assertThat(AsOf.playhead(1).cut(history).messages())
        .containsExactlyElementsOf(history.messages().subList(0, 2));
    assertThat(AsOf.playhead(7).cut(history)).isSameAs(history);
  }

  @Test
  void cuts_a_history_at_the_first_event_recorded_after_an_instant() {
    var history =
        DomainEventStream.of(at(0, NOW), at(1, NOW.plusSeconds(5)), at(2, NOW.plusSeconds(1)));

    assertThat(AsOf.instant(NOW.plusSeconds(2)).cut(history).messages())
        .containsExactly(history.messages().get(0));
    assertThat(AsOf.instant(NOW.minusNanos(1_000)).cut(history).isEmpty()).isTrue();
  }

  @Test
  void describes_itself_for_messages() {
    assertThat(AsOf.playhead(3)).hasToString("playhead 3");
    assertThat(AsOf.instant(NOW)).hasToString(NOW.toString());
  }
}
