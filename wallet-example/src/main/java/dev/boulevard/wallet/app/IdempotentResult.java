package dev.boulevard.wallet.app;

/**
 * What a command sent with an idempotency key did to a wallet.
 *
 * @param result the wallet's playhead and the position of the last event the key's command
 *     recorded: the same for a repeat as for the first dispatch
 * @param replayed whether an earlier dispatch of the key ran the command and this one ran nothing
 */
public record IdempotentResult(CommandResult result, boolean replayed) {}
