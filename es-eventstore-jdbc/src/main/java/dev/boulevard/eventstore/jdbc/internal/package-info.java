/** Parts of the JDBC store shared with Boulevard's other JDBC modules; not an API for users. */
package dev.boulevard.eventstore.jdbc.internal;
