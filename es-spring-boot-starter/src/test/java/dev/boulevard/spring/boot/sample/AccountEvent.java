package dev.boulevard.spring.boot.sample;

/** The sample's events. */
public sealed interface AccountEvent {

  /** An account was opened. */
  record AccountOpened(String accountId, String owner) implements AccountEvent {}

  /** Money was put into an account. */
  record MoneyDeposited(String accountId, long amount) implements AccountEvent {}
}
