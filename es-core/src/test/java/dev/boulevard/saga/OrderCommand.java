package dev.boulevard.saga;

/** The commands the payment process sends. */
public sealed interface OrderCommand {

  record Confirm(String orderId) implements OrderCommand {}

  record Remind(String orderId, int times) implements OrderCommand {}

  record Cancel(String orderId) implements OrderCommand {}

  record Ship(String orderId) implements OrderCommand {}
}
