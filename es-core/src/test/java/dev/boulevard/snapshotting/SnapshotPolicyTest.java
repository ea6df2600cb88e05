package dev.boulevard.snapshotting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotPolicyTest {

  private final SnapshotPolicy<Object> everyTen = SnapshotPolicy.everyEvents(10);

  @Test
  void every_n_events_snapshots_when_a_save_reaches_or_passes_a_multiple_of_n() {
    assertThat(everyTen.shouldSnapshot("a", 0, 9)).isFalse();
    assertThat(everyTen.shouldSnapshot("a", 9, 1)).isTrue();
    assertThat(everyTen.shouldSnapshot("a", 10, 1)).isFalse();
    assertThat(everyTen.shouldSnapshot("a", 15, 30)).isTrue();
    assertThat(everyTen.shouldSnapshot("a", 0, 10)).isTrue();
  }

  @Test
  void every_event_snapshots_after_each_save() {
    assertThat(SnapshotPolicy.everyEvents(1).shouldSnapshot("a", 41, 1)).isTrue();
  }

  @Test
  void refuses_fewer_than_one_event_between_snapshots() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SnapshotPolicy.everyEvents(0))
        .withMessageContaining("0");
  }
}
