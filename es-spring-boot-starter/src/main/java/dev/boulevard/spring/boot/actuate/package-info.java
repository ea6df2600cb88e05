/**
 * The starter's Actuator parts: the health indicator and the endpoint {@code boulevard} that shows
 * the projections' and process managers' status and resumes or skips a parked one.
 */
@NullMarked
package dev.boulevard.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
