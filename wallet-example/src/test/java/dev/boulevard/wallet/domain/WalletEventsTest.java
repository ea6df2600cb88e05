package dev.boulevard.wallet.domain;

import static dev.boulevard.wallet.domain.TestWallets.ALICE;
import static dev.boulevard.wallet.domain.TestWallets.NINETY_DAYS;
import static dev.boulevard.wallet.domain.TestWallets.T0;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.EXPIRED;
import static dev.boulevard.wallet.domain.WalletEvent.Reason.SPENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.Serializer;
import dev.boulevard.serializer.jackson.JacksonSerializer;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.BonusCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.LotTaken;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.RefundCreditsSubtracted;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsAdded;
import dev.boulevard.wallet.domain.WalletEvent.WalletCreditsSubtracted;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The wallet's events as stored: short business names and plain JSON. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalletEventsTest {

  private final Serializer serializer = new JacksonSerializer(WalletEvents.registry());

  static Stream<WalletEvent> everyEvent() {
    var expiresAt = T0.plus(NINETY_DAYS);
    var lots = List.of(new LotTaken("lot-1", 30), new LotTaken("lot-2", 5));
    return Stream.of(
        new WalletCreditsAdded(ALICE, "lot-0", 100, T0),
        new BonusCreditsAdded(ALICE, "lot-1", 50, T0, expiresAt),
        new RefundCreditsAdded(ALICE, "lot-2", 20, T0.plusNanos(123_000), expiresAt),
        new WalletCreditsSubtracted(ALICE, SPENT, 35, lots),
        new BonusCreditsSubtracted(ALICE, EXPIRED, 35, lots),
        new RefundCreditsSubtracted(ALICE, SPENT, 35, lots));
  }

  @ParameterizedTest
  @MethodSource("everyEvent")
  void every_event_round_trips_through_json_under_its_class_s_simple_name(WalletEvent event) {
    SerializedEvent serialized = serializer.serialize(event);

    assertThat(serialized.type()).isEqualTo(event.getClass().getSimpleName());
    assertThat(serialized.data()).doesNotContain("dev.boulevard", "@class", "@type");
    assertThat(serializer.deserialize(serialized, Metadata.empty())).containsExactly(event);
  }

  @Test
  void every_wallet_event_class_is_registered() {
    assertThat(WalletEvents.registry().entries().values())
        .containsExactlyInAnyOrder(
            Arrays.stream(WalletEvent.class.getPermittedSubclasses()).toArray(Class<?>[]::new));
  }

  @Test
  void an_addition_reads_as_plain_json() {
    var event = new BonusCreditsAdded(ALICE, "lot-1", 50, T0, T0.plus(NINETY_DAYS));
    assertThat(serializer.serialize(event))
        .isEqualTo(
            new SerializedEvent(
                "BonusCreditsAdded",
                1,
                "{\"userId\":\"alice\",\"lotId\":\"lot-1\",\"amount\":50,"
                    + "\"addedAt\":\"2026-01-01T00:00:00Z\",\"expiresAt\":\"2026-04-01T00:00:00Z\"}"));
  }

  @Test
  void a_subtraction_reads_as_plain_json_naming_its_lots() {
    var event =
        new RefundCreditsSubtracted(
            ALICE, EXPIRED, 35, List.of(new LotTaken("lot-1", 30), new LotTaken("lot-2", 5)));
    assertThat(serializer.serialize(event).data())
        .isEqualTo(
            "{\"userId\":\"alice\",\"reason\":\"EXPIRED\",\"amount\":35,"
                + "\"lots\":[{\"lotId\":\"lot-1\",\"amount\":30},{\"lotId\":\"lot-2\",\"amount\":5}]}");
  }

  @Test
  void each_event_knows_the_kind_of_credits_it_concerns() {
    assertThat(everyEvent().map(WalletEvents::kindOf))
        .containsExactly(
            CreditKind.WALLET,
            CreditKind.BONUS,
            CreditKind.REFUND,
            CreditKind.WALLET,
            CreditKind.BONUS,
            CreditKind.REFUND);
  }
}
