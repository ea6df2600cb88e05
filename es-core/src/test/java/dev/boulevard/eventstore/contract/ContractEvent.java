package dev.boulevard.eventstore.contract;

/**
 * The events that the contract suites store: small records that a store's serializer registers
 * before it runs the suites.
 */
public sealed interface ContractEvent {

  /** {@return the id of the account the event belongs to} */
  String account();

  /**
   * An account was opened.
   *
   * @param account the account's id
   * @param owner the owner's name, which may hold any Unicode character
   */
  record Opened(String account, String owner) implements ContractEvent {}

  /**
   * Money was put in.
   *
   * @param account the account's id
   * @param amount how much
   */
  record Deposited(String account, long amount) implements ContractEvent {}

  /**
   * Money was taken out.
   *
   * @param account the account's id
   * @param amount how much
   */
  record Withdrawn(String account, long amount) implements ContractEvent {}
}
