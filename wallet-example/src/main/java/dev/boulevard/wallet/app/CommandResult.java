package dev.boulevard.wallet.app;

/**
 * What a command did to a wallet.
 *
 * @param userId the wallet's user
 * @param playhead the wallet's playhead after the command: that of the last event it recorded, or
 *     if it recorded none, of the wallet's last event (-1 if there is no wallet)
 * @param position the global position of the last event the command recorded, or null if it
 *     recorded none
 */
public record CommandResult(String userId, long playhead, Long position) {}
