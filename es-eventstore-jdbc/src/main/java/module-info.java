/**
 * Boulevard's JDBC event store for PostgreSQL, MariaDB and H2, built on Jdbi.
 *
 * <p>Jdbi and the PostgreSQL driver are automatic modules (named in their manifests), hence the
 * suppressed warnings.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.boulevard.eventstore.jdbc {
  requires transitive dev.boulevard.core;
  requires dev.boulevard.serializer.jackson;
  requires transitive java.sql;
  requires transitive org.jdbi.v3.core;
  requires transitive com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static org.postgresql.jdbc;
  requires static com.google.errorprone.annotations;

  exports dev.boulevard.eventstore.jdbc;
}
