/**
 * Read models stored as JSON documents in PostgreSQL, MariaDB or H2, one table per read model, with
 * transactions that can also take in the JDBC event store's appends.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.readmodel.jdbc;

import org.jspecify.annotations.NullMarked;
