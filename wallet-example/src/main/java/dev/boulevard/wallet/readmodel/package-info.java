/**
 * The wallet's read models, written by tracking projections: the credits of each wallet and the
 * invoices issued for its paid additions. Parameters and return values are non-null unless
 * documented otherwise.
 */
package dev.boulevard.wallet.readmodel;
