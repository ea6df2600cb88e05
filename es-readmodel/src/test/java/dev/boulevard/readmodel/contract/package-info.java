/**
 * The contract suite that every read-model repository passes: extend {@link
 * dev.boulevard.readmodel.contract.ReadModelRepositoryContract} in a repository's tests and supply
 * a new, empty repository of {@link dev.boulevard.readmodel.contract.ContractModel} for each test.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.readmodel.contract;
