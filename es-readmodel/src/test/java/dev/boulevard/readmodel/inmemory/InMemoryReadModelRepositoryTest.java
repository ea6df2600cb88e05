package dev.boulevard.readmodel.inmemory;

import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.contract.ContractModel;
import dev.boulevard.readmodel.contract.ReadModelRepositoryContract;

/** The contract suite on the in-memory repository. */
class InMemoryReadModelRepositoryTest extends ReadModelRepositoryContract {

  @Override
  protected ReadModelRepository<ContractModel> createRepository() {
    return InMemoryReadModelRepository.create();
  }
}
