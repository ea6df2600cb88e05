package dev.boulevard.wallet.app;

import dev.boulevard.eventstore.jdbc.AggregateFactories;
import dev.boulevard.eventstore.jdbc.VerifyCommand;
import java.util.Map;

/**
 * {@code java -jar wallet.jar verify}: reads every stored wallet event through the current
 * serializer and upcasters and replays every wallet, on the database the app would use (the
 * options, else {@code WALLET_JDBC_URL}, else the embedded H2 file, which the running app must not
 * hold open). Exit code 0 when clean, 1 when something failed, 2 on a usage error.
 */
public final class WalletVerification {

  private WalletVerification() {}

  /**
   * Makes the command for the wallet's events table.
   *
   * @param env the environment, for {@code WALLET_JDBC_URL}, {@code WALLET_JDBC_USER} and {@code
   *     WALLET_JDBC_PASSWORD}
   * @return the command, which options such as {@code --jdbc-url} override
   */
  public static VerifyCommand command(Map<String, String> env) {
    String url = env.get("WALLET_JDBC_URL");
    VerifyCommand command =
        VerifyCommand.of(WalletApp.serializer(), AggregateFactories.all(WalletApp.walletFactory()))
            .defaultTable(WalletApp.EVENTS_TABLE);
    return url == null
        ? command.defaultConnection(WalletOptions.DEFAULT_JDBC_URL, "sa", "")
        : command.defaultConnection(
            url, env.get("WALLET_JDBC_USER"), env.get("WALLET_JDBC_PASSWORD"));
  }
}
