package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.AwaitOutcome;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A read with {@code ?after=} that answers without the position says why in a header. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StaleHeaderTest {

  @Test
  void a_reached_position_needs_no_header() {
    assertThat(QueryRoutes.stale(new AwaitOutcome.Reached(), 7)).isEmpty();
  }

  @Test
  void a_parked_follower_is_named_with_its_position_and_stored_type() {
    AwaitOutcome stuck =
        new AwaitOutcome.Stuck(
            "credits", 5, "WalletCreditsSubtracted", "IllegalStateException: no");

    assertThat(QueryRoutes.stale(stuck, 7))
        .contains("parked credits at position 5 (WalletCreditsSubtracted)");
  }

  @Test
  void a_timeout_names_the_position_waited_for() {
    assertThat(QueryRoutes.stale(new AwaitOutcome.TimedOut(), 7))
        .contains("timed out waiting for position 7");
  }

  @Test
  void what_a_header_cannot_carry_is_replaced() {
    AwaitOutcome stuck = new AwaitOutcome.Stuck("cr\r\nedits", 5, "wallet.é", "e");

    assertThat(QueryRoutes.stale(stuck, 7)).contains("parked cr??edits at position 5 (wallet.?)");
  }
}
