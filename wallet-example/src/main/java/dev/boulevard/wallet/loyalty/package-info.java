/**
 * The loyalty service: a second, separate program that builds its own view of the wallets from the
 * events the wallet publishes to a broker, and from nothing else (no access to the wallet's
 * database): {@code java -jar wallet.jar loyalty --from nats://127.0.0.1:4222}.
 */
package dev.boulevard.wallet.loyalty;
