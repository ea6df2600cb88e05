/**
 * The contract suite that every command log passes: extend {@link
 * dev.boulevard.auditing.contract.CommandLogContract} in a log's tests, supply a new, empty log for
 * each test and read back what it kept.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.auditing.contract;
