/** Boulevard's JDBC read-model repository and projection checkpoints, built on Jdbi. */
module dev.boulevard.readmodel.jdbc {
  requires transitive dev.boulevard.readmodel;
  requires transitive dev.boulevard.eventstore.jdbc;
  requires dev.boulevard.serializer.jackson;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static com.google.errorprone.annotations;

  exports dev.boulevard.readmodel.jdbc;
}
