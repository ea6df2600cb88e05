package dev.boulevard.saga;

/** The events of an order, as the process manager tests see them. */
public sealed interface OrderEvent {

  record Placed(String orderId, long total) implements OrderEvent {}

  record Paid(String orderId) implements OrderEvent {}

  record Noted(String orderId, String note) implements OrderEvent {}
}
