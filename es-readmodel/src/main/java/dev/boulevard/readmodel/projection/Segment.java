package dev.boulevard.readmodel.projection;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One segment of a projection split by a hash of the aggregate id: CRC-32 of the id's UTF-8 bytes,
 * modulo the count, which any language can compute the same. Immutable.
 *
 * @param index which segment, from 0
 * @param count how many there are
 */
record Segment(int index, int count) {

  /** The whole of a projection that is not split. */
  static final Segment WHOLE = new Segment(0, 1);

  /** {@return whether the events of an aggregate belong to this segment} */
  boolean owns(String aggregateId) {
    if (count == 1) {
      return true;
    }
    var crc = new CRC32();
    crc.update(aggregateId.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % count == index;
  }
}
