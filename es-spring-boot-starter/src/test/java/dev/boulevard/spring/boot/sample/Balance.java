package dev.boulevard.spring.boot.sample;

import dev.boulevard.readmodel.ReadModel;

/** The sample's read model: an account's owner and balance. */
public record Balance(String id, String owner, long amount) implements ReadModel {

  Balance plus(long more) {
    return new Balance(id, owner, amount + more);
  }
}
