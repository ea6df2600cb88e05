package dev.boulevard.docs;

import dev.boulevard.docs.Orders.CancelOrder;
import dev.boulevard.docs.Orders.OrderPaid;
import dev.boulevard.docs.Orders.OrderPlaced;
import dev.boulevard.docs.Orders.SendConfirmation;
import dev.boulevard.docs.PaymentDeadline.Pending;
import dev.boulevard.saga.CorrelationKey;
import dev.boulevard.saga.ProcessManager;
import java.time.Duration;

/** The process manager of docs/process-managers.md. */
public final class PaymentDeadline extends ProcessManager<Pending> {
  public record Pending(String orderId) {}

  public PaymentDeadline() {
    super("payment_deadline", Pending.class); // also names its state's read model
    on(
        OrderPlaced.class,
        CorrelationKey.aggregateId(),
        (state, placed, context) -> {
          context.dispatch(new SendConfirmation(placed.orderId()));
          context.schedule(
              "cancel", // a deadline, by a key of its own
              context.message().recordedOn().plus(Duration.ofDays(3)),
              new CancelOrder(placed.orderId()));
          return new Pending(placed.orderId()); // the new state, stored as JSON
        });
    on(
        OrderPaid.class,
        CorrelationKey.aggregateId(),
        (state, paid, context) -> {
          context.cancel("cancel");
          context.end(); // the state is removed
          return null;
        });
  }
}
