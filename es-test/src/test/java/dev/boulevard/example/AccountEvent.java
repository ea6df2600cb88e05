package dev.boulevard.example;

/** The README's example events. */
public sealed interface AccountEvent {

  /** An account was opened. */
  record AccountOpened(String accountId) implements AccountEvent {}

  /** Money was deposited. */
  record MoneyDeposited(String accountId, long amount) implements AccountEvent {}

  /** Money was withdrawn. */
  record MoneyWithdrawn(String accountId, long amount) implements AccountEvent {}
}
