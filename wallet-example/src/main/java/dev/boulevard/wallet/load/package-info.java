/** A load generator for the wallet app: commands per second and latency percentiles over HTTP. */
package dev.boulevard.wallet.load;
