package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpExchange;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.wallet.app.CommandResult;
import dev.boulevard.wallet.app.WalletBusyException;
import dev.boulevard.wallet.app.WalletCommands;
import dev.boulevard.wallet.domain.InsufficientCreditsException;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletNotFoundException;
import java.io.IOException;

/** {@code POST /commands/{Command}}: checks the request, dispatches it, answers what it did. */
final class CommandRoute {

  private final WalletCommands commands;
  private final CommandRequests requests;
  private final Responses responses;

  CommandRoute(WalletCommands commands, CommandRequests requests, Responses responses) {
    this.commands = commands;
    this.requests = requests;
    this.responses = responses;
  }

  void handle(Request request, String name, HttpExchange exchange) throws IOException {
    if (!CommandRequests.isKnown(name)) {
      throw ApiException.unknownCommand(name);
    }
    request.requireMethod("POST");
    request.query(java.util.Set.of());
    WalletCommand command = requests.parse(name, request.body());
    responses.json(exchange, 200, dispatch(command));
  }

  private CommandResult dispatch(WalletCommand command) {
    try {
      return commands.dispatch(command);
    } catch (InsufficientCreditsException e) {
      throw ApiException.insufficientCredits(e.getMessage());
    } catch (WalletNotFoundException | AggregateNotFoundException e) {
      throw ApiException.walletNotFound(e.getMessage());
    } catch (WalletBusyException e) {
      throw ApiException.concurrencyConflict(e.getMessage());
    } catch (IllegalArgumentException e) {
      // the request passed the API's checks, so the domain refused what the client asked for
      throw ApiException.invalidRequest(e.getMessage());
    }
  }
}
