/** Turns the JMH results under {@code docs/benchmarks/} into PNG charts and a Markdown table. */
package dev.boulevard.benchmarks.charts;
