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
  void refuses_a_model_jackson_cannot_write_at_its_save_naming_it() {
    var repository = storage.repository("unwritable", Unwritable.class);
    repository.save(new Unwritable("u-0", "text"));

    assertThatThrownBy(() -> repository.save(new Unwritable("u-1", new Object())))
        .isInstanceOf(ReadModelException.class)
        .hasMessageContaining("'u-1'");
    assertThatThrownBy(() -> repository.save(new Unwritable("u-0", new Object())))
        .isInstanceOf(ReadModelException.class)
        .hasMessageContaining("'u-0'");
    assertThat(repository.findAll()).containsExactly(new Unwritable("u-0", "text"));
    assertThat(repository.findBy("value", "text")).containsExactly(new Unwritable("u-0", "text"));
  }

  @Test
  void refuses_a_name_ending_in_fields_as_the_jdbc_storage_does() {
    var repository = storage.repository("accounts", ContractModel.class);

    for (String name : new String[] {"accounts_fields", "accounts_FIELDS", "_fields"}) {
      assertThatThrownBy(() -> storage.repository(name, ContractModel.class))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("_fields")
          .hasMessageContaining(name);
      assertThatThrownBy(() -> storage.drop(name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
    }
    assertThat(storage.repository("accounts", ContractModel.class)).isSameAs(repository);
  }

  @Test
  void refuses_to_drop_a_name_that_is_not_valid_as_the_jdbc_storage_does() {
    var repository = storage.repository("accounts", ContractModel.class);
    repository.save(ContractModel.of("m-1", "Alice"));

    for (String name : new String[] {"1st", "a-b", "a; DROP TABLE x", "", null}) {
      assertThatThrownBy(() -> storage.drop(name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("table name");
    }
    assertThat(repository.findAll()).hasSize(1);
  }
}
