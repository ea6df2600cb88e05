package dev.boulevard.wallet.http;

import com.sun.net.httpserver.HttpExchange;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.idempotency.IdempotencyKeyReusedException;
import dev.boulevard.repository.AggregateNotFoundException;
import dev.boulevard.wallet.app.IdempotentResult;
import dev.boulevard.wallet.app.WalletBusyException;
import dev.boulevard.wallet.app.WalletCommands;
import dev.boulevard.wallet.domain.InsufficientCreditsException;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletNotFoundException;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /commands/{Command}}: checks the request, dispatches it, answers what it did. With an
 * {@code Idempotency-Key} the command is applied once per key: a repeat answers the first answer's
 * body again with {@code Idempotent-Replayed: true}.
 */
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
    Optional<IdempotencyKey> key = IdempotencyKeys.read(exchange);
    WalletCommand command = requests.parse(name, request.body());
    if (key.isEmpty()) {
      responses.json(exchange, 200, dispatch(() -> commands.dispatch(command)));
      return;
    }
    IdempotentResult result = dispatch(() -> commands.dispatch(command, key.get()));
    if (result.replayed()) {
      exchange.getResponseHeaders().set(IdempotencyKeys.REPLAYED_HEADER, "true");
    }
    responses.json(exchange, 200, result.result());
  }

  /** Runs a dispatch, turning the domain's refusals into the API's errors. */
  private static <T> T dispatch(Supplier<T> dispatch) {
    try {
      return dispatch.get();
    } catch (IdempotencyKeyReusedException e) {
      throw ApiException.idempotencyKeyReused();
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
