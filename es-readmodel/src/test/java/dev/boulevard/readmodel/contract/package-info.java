/**
 * The contract suites that every read-model storage passes: extend {@link
 * dev.boulevard.readmodel.contract.ReadModelRepositoryContract} in a repository's tests and supply
 * a new, empty repository of {@link dev.boulevard.readmodel.contract.ContractModel} for each test;
 * extend {@link dev.boulevard.readmodel.contract.ProjectionsContract} and {@link
 * dev.boulevard.readmodel.contract.SagasContract} and supply a new {@link
 * dev.boulevard.readmodel.ReadModelStorage} for each test, on which the tracking projections and
 * the process managers' runtime must behave the same as on every other storage.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.readmodel.contract;
