/**
 * The wallet's process managers: {@link dev.boulevard.wallet.process.ExpiryProcess} records each
 * wallet's expiry when its next lot expires.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.wallet.process;
