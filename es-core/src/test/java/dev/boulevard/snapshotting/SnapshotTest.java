package dev.boulevard.snapshotting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotTest {

  @Test
  void refuses_a_negative_playhead_naming_the_aggregate() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Snapshot<>("a-1", -1, 1, "state"))
        .withMessageContaining("'a-1'")
        .withMessageContaining("-1");
  }

  @Test
  void refuses_a_negative_version() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Snapshot<>("a-1", 0, -2, "state"))
        .withMessageContaining("version")
        .withMessageContaining("-2");
  }

  @Test
  void refuses_a_missing_state_or_id() {
    assertThatNullPointerException().isThrownBy(() -> new Snapshot<>("a-1", 0, 1, null));
    assertThatNullPointerException().isThrownBy(() -> new Snapshot<>(null, 0, 1, "state"));
  }

  @Test
  void refuses_a_blank_id_or_one_with_a_control_character() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Snapshot<>(" ", 0, 1, "state"))
        .withMessageContaining("blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Snapshot<>("a\tb", 0, 1, "state"))
        .withMessageContaining("control character");
  }

  @Test
  void a_stored_value_reads_as_its_own_class_only() {
    StoredSnapshot stored = StoredSnapshot.of(new Snapshot<>("a-1", 3, 1, "state"));

    assertThat(stored.read(String.class)).isEqualTo(new Snapshot<>("a-1", 3, 1, "state"));
    assertThatThrownBy(() -> stored.read(Integer.class))
        .isInstanceOf(UnreadableSnapshotException.class)
        .hasMessageContaining("'a-1'")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void a_format_refuses_a_negative_version() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SnapshotFormat.of(String.class, -1, state -> state))
        .withMessageContaining("java.lang.String");
  }
}
