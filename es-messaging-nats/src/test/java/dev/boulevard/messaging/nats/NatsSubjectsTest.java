package dev.boulevard.messaging.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Subject tokens: valid, reversible, collision-free. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NatsSubjectsTest {

  @Test
  void plain_ids_and_uuids_stay_as_they_are() {
    assertThat(NatsSubjects.token("wallet-7")).isEqualTo("wallet-7");
    assertThat(NatsSubjects.token("6f1c2b9e-0d4e-4c57-9a57-2f6f3c1d9e01"))
        .isEqualTo("6f1c2b9e-0d4e-4c57-9a57-2f6f3c1d9e01");
    assertThat(NatsSubjects.subject("acme.wallet", "wallet.credited", "w_1"))
        .isEqualTo("acme.wallet.wallet%2Ecredited.w_1");
  }

  @Test
  void characters_nats_gives_a_meaning_become_percent_escapes_that_decode_back() {
    for (String value : List.of("a.b", "a*", ">", "a b\tc\n", "100%", "ünïcødé €", "😀.x", "%2E")) {
      String token = NatsSubjects.token(value);

      assertThat(token).matches("[A-Za-z0-9_%-]+");
      assertThat(NatsSubjects.decode(token)).isEqualTo(value);
    }
    assertThat(NatsSubjects.token("a.b")).isNotEqualTo(NatsSubjects.token("a%2Eb"));
  }

  @Test
  void an_empty_value_and_an_invalid_prefix_are_refused() {
    assertThatThrownBy(() -> NatsSubjects.token("")).hasMessageContaining("empty");
    for (String prefix : List.of("", "a..b", "a.*", "a.>", "a b", ".a", "a.")) {
      assertThatThrownBy(() -> NatsSubjects.checkPrefix(prefix))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(prefix);
    }
  }

  @Test
  void header_values_keep_printable_ascii_and_escape_the_rest() {
    assertThat(NatsSubjects.headerValue("contract.deposited")).isEqualTo("contract.deposited");
    assertThat(NatsSubjects.headerValue("a b%ü\n")).isEqualTo("a b%25%C3%BC%0A");
    assertThat(NatsSubjects.decode("a b%25%C3%BC%0A")).isEqualTo("a b%ü\n");
  }
}
