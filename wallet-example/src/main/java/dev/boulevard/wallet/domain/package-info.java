/**
 * The wallet's domain: the {@link dev.boulevard.wallet.domain.Wallet} aggregate with its lots of
 * WALLET, BONUS and REFUND credits, its commands and events, and the {@link
 * dev.boulevard.wallet.domain.WalletCommandHandler} that runs the commands on a repository.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.wallet.domain;
