/**
 * The command audit log, as Broadway's Auditing component: a {@link
 * dev.boulevard.auditing.CommandLogger} records every dispatched command, whether it succeeded or
 * why it failed, and how long it took, in a {@link dev.boulevard.auditing.CommandLog}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.auditing;

import org.jspecify.annotations.NullMarked;
