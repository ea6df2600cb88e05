package dev.boulevard.consumercheck;

import dev.boulevard.readmodel.ReadModel;

/**
 * An account's balance, as {@link BalanceProjector} keeps it.
 *
 * @param id the account
 * @param amount the balance, in cents
 */
public record Balance(String id, long amount) implements ReadModel {}
