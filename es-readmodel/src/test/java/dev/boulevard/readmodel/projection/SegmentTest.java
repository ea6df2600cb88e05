package dev.boulevard.readmodel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SegmentTest {

  @Test
  void an_aggregate_belongs_to_the_segment_of_the_crc32_of_its_utf8_id_modulo_the_count() {
    // the values of Python's zlib.crc32, as another language would compute them
    assertThat(ownerOf("a", 4)).isEqualTo(3904355907L % 4);
    assertThat(ownerOf("wallet-1", 4)).isEqualTo(3816212660L % 4);
    assertThat(ownerOf("é", 4)).isEqualTo(235179326L % 4);
    assertThat(ownerOf("0f8fad5b-d9cb-469f-a165-70867728950e", 3)).isEqualTo(4104489504L % 3);
  }

  @Test
  void each_aggregate_belongs_to_exactly_one_segment_and_the_split_is_even() {
    int count = 4;
    int[] sizes = new int[count];
    for (int id = 0; id < 10_000; id++) {
      String aggregate = "wallet-" + id;
      long owners =
          IntStream.range(0, count).filter(i -> new Segment(i, count).owns(aggregate)).count();
      assertThat(owners).isEqualTo(1);
      sizes[ownerOf(aggregate, count)]++;
    }
    assertThat(java.util.Arrays.stream(sizes).boxed().toList())
        .allSatisfy(size -> assertThat(size).isBetween(2_300, 2_700));
  }

  @Test
  void the_whole_owns_everything() {
    assertThat(Segment.WHOLE.owns("anything")).isTrue();
  }

  private static int ownerOf(String aggregate, int count) {
    return IntStream.range(0, count)
        .filter(i -> new Segment(i, count).owns(aggregate))
        .findFirst()
        .orElseThrow();
  }
}
