package dev.boulevard.readmodel.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelException;
import dev.boulevard.readmodel.contract.ContractModel;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryReadModelStorageTest {

  private final InMemoryReadModelStorage storage = InMemoryReadModelStorage.create();

  record Other(String id) implements ReadModel {}

  record Unwritable(String id, Object value) implements ReadModel {}

  @Test
  void returns_the_same_repository_for_a_name_and_refuses_another_type() {
    var repository = storage.repository("accounts", ContractModel.class);

    assertThat(storage.repository("accounts", ContractModel.class)).isSameAs(repository);
    assertThatThrownBy(() -> storage.repository("accounts", Other.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accounts")
        .hasMessageContaining(Other.class.getName());
  }

  @Test
  void refuses_a_name_that_is_not_a_plain_table_name() {
    assertThatThrownBy(() -> storage.repository("a-b", ContractModel.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a-b");
  }

  @Test
  void drops_a_read_model_with_its_models() {
    var dropped = storage.repository("accounts", ContractModel.class);
    dropped.save(ContractModel.of("m-1", "Alice"));

    storage.drop("accounts");
    storage.drop("never_created");

    assertThat(dropped.findAll()).isEmpty();
    var again = storage.repository("accounts", Other.class);
    assertThat(again).isNotSameAs(dropped);
    assertThat(again.findAll()).isEmpty();
  }

  @Test
  void runs_the_work_of_a_transaction_without_making_it_atomic() {
    var repository = storage.repository("accounts", ContractModel.class);

    assertThat(storage.isTransactional()).isFalse();
    assertThat(storage.inTransaction(() -> "done")).isEqualTo("done");
    assertThatThrownBy(
            () ->
                storage.inTransaction(
                    () -> {
                      repository.save(ContractModel.of("m-1", "Alice"));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(repository.find("m-1")).isPresent();
  }

  @Test
  void saves_without_writing_json_and_fails_at_the_first_find_by_that_needs_it() {
    var repository = InMemoryReadModelRepository.<Unwritable>create();
    var model = new Unwritable("u-1", new Object());

    repository.save(model);

    assertThat(repository.find("u-1")).containsSame(model);
    assertThatThrownBy(() -> repository.findBy("id", "u-1"))
        .isInstanceOf(ReadModelException.class)
        .hasMessageContaining("'u-1'");
  }
}
