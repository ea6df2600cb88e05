package dev.boulevard.wallet.app;

/**
 * What a command did to a wallet.
 *
 * @param userId the wallet's user
 * @param playhead the wallet's playhead after the command: that of its last event
 * @param position the global position of the last event the command recorded, or null if it
 *     recorded none (or, rarely, if the database went away after storing the events and before
 *     their position could be read)
 */
public record CommandResult(String userId, long playhead, Long position) {}
