/**
 * The service-provider interface of read-model storages: what a {@link
 * dev.boulevard.readmodel.ReadModelStorage} supplies to the projection and process-manager runtimes
 * (its checkpoint store and outbox), and the checks and field index every repository shares so that
 * they all refuse and compare alike.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.readmodel.spi;

import org.jspecify.annotations.NullMarked;
