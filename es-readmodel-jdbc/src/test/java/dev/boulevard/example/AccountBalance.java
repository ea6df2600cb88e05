package dev.boulevard.example;

import dev.boulevard.readmodel.ReadModel;

/** A read model: one document per account. */
public record AccountBalance(String id, String owner, long balance) implements ReadModel {

  AccountBalance plus(long amount) {
    return new AccountBalance(id, owner, balance + amount);
  }
}
