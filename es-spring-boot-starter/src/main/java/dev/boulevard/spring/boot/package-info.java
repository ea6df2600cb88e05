/**
 * The Spring Boot starter: auto-configuration of Boulevard on the application's data source, the
 * {@code boulevard.*} properties, and the small beans an application declares (aggregates, event
 * and command types).
 */
@NullMarked
package dev.boulevard.spring.boot;

import org.jspecify.annotations.NullMarked;
