package dev.boulevard.example;

/** What happens to a bank account. */
public sealed interface AccountEvent {

  /** An account was opened. */
  record AccountOpened(String accountId) implements AccountEvent {}

  /** Money was deposited. */
  record MoneyDeposited(String accountId, long amount) implements AccountEvent {}

  /** Money was withdrawn. */
  record MoneyWithdrawn(String accountId, long amount) implements AccountEvent {}
}
