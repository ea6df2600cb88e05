package dev.boulevard.wallet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalletOptionsTest {

  private static WalletOptions parse(String... args) {
    return WalletOptions.parse(args, Map.of());
  }

  @Test
  void without_options_the_node_is_the_jvms_and_the_lease_lasts_ten_seconds() {
    WalletOptions options = parse();
    assertThat(options.nodeId()).isNull();
    assertThat(options.leaseTime()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.port()).isEqualTo(8080);
  }

  @Test
  void node_id_and_lease_time_are_read_from_the_command_line() {
    WalletOptions options = parse("--node-id", "wallet-a", "--lease-time", "PT2S", "--port", "0");
    assertThat(options.nodeId()).isEqualTo("wallet-a");
    assertThat(options.leaseTime()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void a_lease_time_that_is_not_a_duration_is_refused_naming_the_option() {
    assertThatThrownBy(() -> parse("--lease-time", "2s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--lease-time needs an ISO-8601 duration such as PT10S, not 2s");
  }

  @Test
  void a_lease_time_outside_one_second_to_ten_minutes_is_refused() {
    for (String value : new String[] {"PT0.999S", "PT0S", "-PT5S", "PT10M0.001S", "P1D"}) {
      assertThatThrownBy(() -> parse("--lease-time", value))
          .as(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--lease-time must be 1 second to 10 minutes (PT1S to PT10M)");
    }
    assertThat(parse("--lease-time", "PT1S").leaseTime()).isEqualTo(Duration.ofSeconds(1));
    assertThat(parse("--lease-time", "PT10M").leaseTime()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void an_empty_overlong_or_control_character_node_id_is_refused_naming_the_option() {
    for (String value : new String[] {"", "x".repeat(101), "a\nb", "a\u0000b"}) {
      assertThatThrownBy(() -> parse("--node-id", value))
          .as(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--node-id must be 1 to 100 characters")
          .hasMessageNotContaining("\n");
    }
    assertThat(parse("--node-id", "x".repeat(100)).nodeId()).hasSize(100);
  }

  @Test
  void a_node_id_without_its_value_is_refused() {
    assertThatThrownBy(() -> parse("--port", "0", "--node-id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--node-id needs a value");
  }

  @Test
  void a_fleets_instance_keeps_the_other_options() {
    WalletOptions options =
        WalletOptions.forDatabase("jdbc:h2:mem:x", "sa", "").inFleet("b", Duration.ofSeconds(3));
    assertThat(options.jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
    assertThat(options.nodeId()).isEqualTo("b");
    assertThat(options.leaseTime()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void publish_takes_a_nats_or_kafka_address_and_nothing_else() {
    assertThat(parse().publish()).isNull();
    assertThat(parse("--publish", "nats://127.0.0.1:4222").publish())
        .isEqualTo(URI.create("nats://127.0.0.1:4222"));
    assertThat(parse("--publish", "kafka://localhost:9092").publish().getPort()).isEqualTo(9092);
    for (String value :
        new String[] {
          "127.0.0.1:4222",
          "amqp://127.0.0.1:5672",
          "nats://127.0.0.1",
          "nats://h:4222/x",
          "kafka://u:p@h:9092",
          "nats://h:4222?tls=1",
          "nats:// bad"
        }) {
      assertThatThrownBy(() -> parse("--publish", value))
          .as(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--publish needs nats://HOST:PORT or kafka://HOST:PORT")
          .hasMessageEndingWith(value);
    }
  }
}
