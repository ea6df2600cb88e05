package dev.boulevard.auditing;

import dev.boulevard.auditing.contract.CommandLogContract;
import java.util.List;

/** The command log contract on the in-memory log, read back through its entries. */
class InMemoryCommandLogContractTest extends CommandLogContract<InMemoryCommandLog> {

  @Override
  protected InMemoryCommandLog createLog() {
    return new InMemoryCommandLog();
  }

  @Override
  protected List<Kept> kept(InMemoryCommandLog log) {
    return log.entries().stream().map(Kept::of).toList();
  }
}
