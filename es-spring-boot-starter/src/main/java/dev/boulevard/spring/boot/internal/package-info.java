/**
 * The starter's wiring that is not API: the lifecycle of the runners and the registration of
 * repositories. No other module imports it.
 */
package dev.boulevard.spring.boot.internal;
