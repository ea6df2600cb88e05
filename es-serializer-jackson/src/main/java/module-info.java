/** Boulevard's JSON serializers for events and snapshots, built on Jackson. */
module dev.boulevard.serializer.jackson {
  requires transitive dev.boulevard.core;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;

  exports dev.boulevard.serializer.jackson;
}
