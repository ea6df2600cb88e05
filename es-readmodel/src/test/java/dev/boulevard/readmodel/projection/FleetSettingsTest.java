package dev.boulevard.readmodel.projection;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FleetSettingsTest {

  private final ProjectionsBuilder builder =
      Projections.builder(new InMemoryEventStore(), InMemoryReadModelStorage.create());

  @Test
  void a_node_name_is_1_to_100_characters_without_control_characters() {
    assertThatNoException().isThrownBy(() -> builder.node("a").node("x".repeat(100)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.node(""))
        .withMessageContaining("1 to 100");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.node("x".repeat(101)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.node("node\nb"))
        .withMessageContaining("control characters");
  }

  @Test
  void a_lease_lasts_1_second_to_10_minutes() {
    assertThatNoException()
        .isThrownBy(
            () -> builder.leaseTime(Duration.ofSeconds(1)).leaseTime(Duration.ofMinutes(10)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.leaseTime(Duration.ofMillis(999)))
        .withMessageContaining("PT0.999S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.leaseTime(Duration.ofMinutes(11)));
  }

  @Test
  void a_projection_is_split_into_1_to_256_segments() {
    assertThatNoException()
        .isThrownBy(() -> TrackingProjection.named("p").segments(1).segments(256));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrackingProjection.named("p").segments(0))
        .withMessageContaining("1 to 256");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrackingProjection.named("p").segments(257));
  }
}
