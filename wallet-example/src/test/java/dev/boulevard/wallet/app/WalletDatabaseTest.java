package dev.boulevard.wallet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalletDatabaseTest {

  private static WalletOptions on(String url, Duration lease) {
    return WalletOptions.forDatabase(url, "u", "p").inFleet("a", lease);
  }

  @Test
  void postgresql_ends_a_transaction_idle_for_longer_than_the_lease_time() {
    assertThat(
            WalletDatabase.idleTransactionLimit(
                on("jdbc:postgresql://h/db", Duration.ofMillis(2_500))))
        .contains("SET idle_in_transaction_session_timeout = 2500");
  }

  @Test
  void mariadb_ends_it_after_the_lease_time_in_whole_seconds_rounded_up() {
    assertThat(
            WalletDatabase.idleTransactionLimit(
                on("jdbc:mariadb://h/db", Duration.ofMillis(2_500))))
        .contains("SET SESSION idle_transaction_timeout = 3");
  }

  @Test
  void h2_has_no_such_limit() {
    assertThat(WalletDatabase.idleTransactionLimit(on("jdbc:h2:mem:x", Duration.ofSeconds(2))))
        .isEmpty();
  }
}
