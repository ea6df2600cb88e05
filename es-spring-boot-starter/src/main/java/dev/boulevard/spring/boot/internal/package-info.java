/**
 * The starter's wiring that is not API: the lifecycle of the runners and the registration of
 * repositories. No other module imports it.
 */
@NullMarked
package dev.boulevard.spring.boot.internal;

import org.jspecify.annotations.NullMarked;
