package dev.boulevard.example;

/** The README's account events, as the read-side example projects them. */
public sealed interface AccountEvent {
  /** An account was opened for its owner. */
  record AccountOpened(String accountId, String owner) implements AccountEvent {}

  /** Money was put in. */
  record MoneyDeposited(String accountId, long amount) implements AccountEvent {}
}
