/**
 * The relational event store on Jdbi, for PostgreSQL, MariaDB/MySQL and H2, with the schema it
 * creates and the exact tailing of its global log, and the {@link
 * dev.boulevard.eventstore.jdbc.JdbcSnapshotStore} that keeps its aggregates' snapshots beside it.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.eventstore.jdbc;

import org.jspecify.annotations.NullMarked;
