package dev.boulevard.docs;

/** The orders that docs/process-managers.md's process manager follows and commands. */
final class Orders {

  private Orders() {}

  /** An order was placed. */
  record OrderPlaced(String orderId) {}

  /** An order was paid. */
  record OrderPaid(String orderId) {}

  /** Cancel an order. */
  record CancelOrder(String orderId) {}

  /** Send the order's confirmation. */
  record SendConfirmation(String orderId) {}
}
