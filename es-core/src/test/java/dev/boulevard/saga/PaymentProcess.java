package dev.boulevard.saga;

import dev.boulevard.saga.OrderCommand.Cancel;
import dev.boulevard.saga.OrderCommand.Confirm;
import dev.boulevard.saga.OrderCommand.Remind;
import dev.boulevard.saga.OrderCommand.Ship;
import dev.boulevard.saga.OrderEvent.Noted;
import dev.boulevard.saga.OrderEvent.Paid;
import dev.boulevard.saga.OrderEvent.Placed;
import java.time.Duration;

/**
 * Confirms a placed order at once, reminds its customer after a day, cancels it after three days
 * unless paid, and ships it once paid; a note pushes the reminder back by a day.
 */
public final class PaymentProcess extends ProcessManager<PaymentProcess.Pending> {

  /** The state of one order's process. */
  public record Pending(String orderId, long total) {}

  public PaymentProcess() {
    super("payment_process", Pending.class);
    on(
        Placed.class,
        CorrelationKey.aggregateId(),
        (state, placed, context) -> {
          var at = context.message().recordedOn();
          context.dispatch(new Confirm(placed.orderId()));
          context.schedule("remind", at.plus(Duration.ofDays(1)), new Remind(placed.orderId(), 1));
          context.schedule("cancel", at.plus(Duration.ofDays(3)), new Cancel(placed.orderId()));
          return new Pending(placed.orderId(), placed.total());
        });
    on(
        Noted.class,
        CorrelationKey.aggregateId(),
        (state, noted, context) -> {
          var at = context.message().recordedOn().plus(Duration.ofDays(1));
          context.schedule("remind", at, new Remind(noted.orderId(), 2));
          return state.orElseThrow(() -> new IllegalStateException("no order " + noted.orderId()));
        });
    on(
        Paid.class,
        CorrelationKey.aggregateId(),
        (state, paid, context) -> {
          context.cancel("remind");
          context.cancel("cancel");
          context.dispatch(new Ship(paid.orderId()));
          context.end();
          return null;
        });
  }
}
