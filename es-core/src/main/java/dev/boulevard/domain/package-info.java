/**
 * The domain's messages: immutable {@link dev.boulevard.domain.DomainMessage}s grouped in {@link
 * dev.boulevard.domain.DomainEventStream}s, each with its {@link dev.boulevard.domain.Metadata}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.domain;

import org.jspecify.annotations.NullMarked;
