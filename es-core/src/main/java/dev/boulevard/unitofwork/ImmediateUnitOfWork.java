package dev.boulevard.unitofwork;

import java.util.Objects;
import java.util.function.Supplier;

/** Runs the work as is: there is no transaction to share. */
enum ImmediateUnitOfWork implements UnitOfWork {
  INSTANCE;

  @Override
  public <T> T run(Supplier<T> work) {
    return Objects.requireNonNull(work, "work").get();
  }
}
