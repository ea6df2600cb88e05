package dev.boulevard.consumercheck;

/**
 * An account was credited.
 *
 * @param amount the amount credited, in cents
 */
public record Deposited(long amount) {}
