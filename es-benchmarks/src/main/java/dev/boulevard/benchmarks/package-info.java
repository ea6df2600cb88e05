/**
 * JMH benchmarks of Boulevard's stores, each measured beside a plain-JDBC baseline in the same run
 * so that the ratio holds on a noisy machine.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.benchmarks;
