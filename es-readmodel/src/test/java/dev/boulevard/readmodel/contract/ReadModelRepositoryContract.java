package dev.boulevard.readmodel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.readmodel.ReadModelRepository;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReadModelRepository} shares, to run against your own implementation.
 *
 * <p>Add this module's test-jar ({@code es-readmodel}, type {@code test-jar}, scope {@code test})
 * to your build, extend this class in a JUnit 5 test and return a new, empty repository of {@link
 * ContractModel} from {@link #createRepository()}, which runs before each test; override {@link
 * #createOtherRepository()} if a second repository in the same test must be made differently. The
 * suite checks saving, finding by id and by fields (as {@link ReadModelRepository#findBy(Map)}
 * defines them), first-saved order, removal, transfer and the refusal of bad input.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ReadModelRepositoryContract {

  private ReadModelRepository<ContractModel> repository;

  /** {@return a new repository that holds no models; called before each test} */
  protected abstract ReadModelRepository<ContractModel> createRepository();

  /**
   * {@return a second new, empty repository, for the transfer tests; by default another new one}
   */
  protected ReadModelRepository<ContractModel> createOtherRepository() {
    return createRepository();
  }

  @BeforeEach
  void createEmptyRepository() {
    repository = createRepository();
  }

  private static ContractModel model(String id) {
    return ContractModel.of(id, "name of " + id);
  }

  private List<ContractModel> saved(ContractModel... models) {
    for (ContractModel model : models) {
      repository.save(model);
    }
    return List.of(models);
  }

  @Test
  void saves_a_model_and_finds_it_by_id_equal() {
    var model =
        ContractModel.of("m-1", "Zoë")
            .withAge(41)
            .withScore(0.1)
            .withTags("a", "b")
            .withActive(false)
            .withNickname("zo")
            .withLevel(ContractLevel.GOLD)
            .withRef(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    repository.save(model);

    assertThat(repository.find("m-1")).contains(model);
  }

  @Test
  void finds_nothing_under_an_id_that_is_not_stored() {
    repository.save(model("m-1"));

    assertThat(repository.find("m-2")).isEmpty();
    assertThat(repository.find("M-1")).isEmpty();
  }

  @Test
  void finds_models_by_a_field_in_first_saved_order() {
    var alice = model("m-1").withName("Alice");
    var bob = model("m-2").withName("Bob");
    var otherAlice = model("m-3").withName("Alice");
    saved(alice, bob, otherAlice);

    assertThat(repository.findBy("name", "Alice")).containsExactly(alice, otherAlice);
    assertThat(repository.findBy(Map.of("name", "Bob"))).containsExactly(bob);
  }

  @Test
  void finds_models_by_one_element_of_a_collection_field() {
    var first = model("m-1").withTags("red", "green");
    var second = model("m-2").withTags("green", "blue");
    var untagged = model("m-3");
    saved(first, second, untagged);

    assertThat(repository.findBy("tags", "red")).containsExactly(first);
    assertThat(repository.findBy("tags", "green")).containsExactly(first, second);
    assertThat(repository.findBy("tags", "blue")).containsExactly(second);
  }

  @Test
  void finds_a_model_once_when_its_collection_holds_the_value_twice() {
    var model = model("m-1").withTags("red", "red");
    repository.save(model);

    assertThat(repository.findBy("tags", "red")).containsExactly(model);
  }

  @Test
  void finds_only_the_models_that_match_every_clause() {
    var match = model("m-1").withName("Alice").withAge(30).withTags("x", "y");
    var wrongAge = model("m-2").withName("Alice").withAge(31).withTags("x", "y");
    var wrongTag = model("m-3").withName("Alice").withAge(30).withTags("y");
    saved(match, wrongAge, wrongTag);

    assertThat(repository.findBy(Map.of("name", "Alice", "age", 30, "tags", "x")))
        .containsExactly(match);
  }

  @Test
  void finds_nothing_when_one_clause_does_not_match() {
    repository.save(model("m-1").withName("Alice").withAge(30));

    assertThat(repository.findBy(Map.of("name", "Alice", "age", 31))).isEmpty();
  }

  @Test
  void finds_nothing_when_no_model_has_the_value_or_the_field() {
    repository.save(model("m-1").withName("Alice"));

    assertThat(repository.findBy("name", "Carol")).isEmpty();
    assertThat(repository.findBy("unknown", "Alice")).isEmpty();
  }

  @Test
  void finds_nothing_with_no_clauses() {
    repository.save(model("m-1"));

    assertThat(repository.findBy(Map.of())).isEmpty();
  }

  @Test
  void finds_nothing_in_an_empty_repository() {
    assertThat(repository.findAll()).isEmpty();
    assertThat(repository.findBy("name", "Alice")).isEmpty();
  }

  @Test
  void removes_a_model_and_its_fields() {
    var kept = model("m-1").withName("Alice");
    saved(kept, model("m-2").withName("Alice"));

    repository.remove("m-2");

    assertThat(repository.find("m-2")).isEmpty();
    assertThat(repository.findBy("name", "Alice")).containsExactly(kept);
    assertThat(repository.findAll()).containsExactly(kept);
  }

  @Test
  void removing_an_id_that_is_not_stored_does_nothing() {
    var kept = model("m-1");
    repository.save(kept);

    repository.remove("m-2");

    assertThat(repository.findAll()).containsExactly(kept);
  }

  @Test
  void finds_all_models_in_first_saved_order() {
    List<ContractModel> models = saved(model("m-3"), model("m-1"), model("m-2"));

    assertThat(repository.findAll()).containsExactlyElementsOf(models);
  }

  @Test
  void saving_again_keeps_the_first_position_and_saving_after_removal_goes_last() {
    saved(model("m-1"), model("m-2"), model("m-3"));
    var renamed = model("m-1").withName("renamed");

    repository.save(renamed);
    assertThat(repository.findAll()).containsExactly(renamed, model("m-2"), model("m-3"));

    repository.remove("m-2");
    repository.save(model("m-2"));
    assertThat(repository.findAll()).containsExactly(renamed, model("m-3"), model("m-2"));
  }

  @Test
  void saving_again_replaces_the_document_and_the_fields_it_is_found_by() {
    repository.save(model("m-1").withName("old").withTags("x", "y").withAge(1));
    var replaced = model("m-1").withName("new").withTags("y", "z").withAge(2);

    repository.save(replaced);

    assertThat(repository.find("m-1")).contains(replaced);
    assertThat(repository.findBy("name", "old")).isEmpty();
    assertThat(repository.findBy("tags", "x")).isEmpty();
    assertThat(repository.findBy("age", 1)).isEmpty();
    assertThat(repository.findBy("name", "new")).containsExactly(replaced);
    assertThat(repository.findBy("tags", "y")).containsExactly(replaced);
    assertThat(repository.findBy("tags", "z")).containsExactly(replaced);
    assertThat(repository.findAll()).containsExactly(replaced);
  }

  @Test
  void transfers_every_model_to_another_repository_which_keeps_its_own() {
    var other = createOtherRepository();
    var own = model("m-9").withName("own");
    other.save(own);
    List<ContractModel> models =
        saved(model("m-1").withName("Alice").withTags("t"), model("m-2").withName("Bob"));

    repository.transferTo(other);

    assertThat(other.findAll()).containsExactly(own, models.get(0), models.get(1));
    assertThat(other.findBy("tags", "t")).containsExactly(models.get(0));
    assertThat(repository.findAll()).containsExactlyElementsOf(models);
  }

  @Test
  void compares_numbers_by_value() {
    var five = model("m-1").withAge(5).withScore(5.0);
    var other = model("m-2").withAge(6).withScore(5.5);
    saved(five, other);

    for (Object value :
        List.of(5, 5L, (short) 5, 5.0, 5.0f, new BigDecimal("5.00"), BigInteger.valueOf(5))) {
      assertThat(repository.findBy("age", value)).as("age = %s", value).containsExactly(five);
      assertThat(repository.findBy("score", value)).as("score = %s", value).containsExactly(five);
    }
    assertThat(repository.findBy("score", new BigDecimal("5.50"))).containsExactly(other);
    assertThat(repository.findBy("score", 5.5f)).containsExactly(other);
    assertThat(repository.findBy("age", 5.000001)).isEmpty();
  }

  @Test
  void finds_fractions_that_binary_floating_point_cannot_hold_exactly() {
    var model = model("m-1").withScore(0.1);
    repository.save(model);

    assertThat(repository.findBy("score", 0.1)).containsExactly(model);
    assertThat(repository.findBy("score", new BigDecimal("0.10"))).containsExactly(model);
  }

  @Test
  void tells_strings_from_numbers_and_booleans() {
    var model = model("m-1").withName("5").withAge(5).withActive(true);
    repository.save(model);

    assertThat(repository.findBy("name", 5)).isEmpty();
    assertThat(repository.findBy("age", "5")).isEmpty();
    assertThat(repository.findBy("active", "true")).isEmpty();
    assertThat(repository.findBy("name", "5")).containsExactly(model);
  }

  @Test
  void finds_models_by_a_boolean() {
    var active = model("m-1").withActive(true);
    var inactive = model("m-2").withActive(false);
    saved(active, inactive);

    assertThat(repository.findBy("active", true)).containsExactly(active);
    assertThat(repository.findBy("active", false)).containsExactly(inactive);
  }

  @Test
  void compares_strings_case_sensitively() {
    var upper = model("m-1").withName("Alice");
    var lower = model("m-2").withName("alice");
    saved(upper, lower);

    assertThat(repository.findBy("name", "Alice")).containsExactly(upper);
    assertThat(repository.findBy("name", "alice")).containsExactly(lower);
    assertThat(repository.findBy("name", "ALICE")).isEmpty();
  }

  @Test
  void tells_strings_apart_that_differ_only_in_trailing_spaces() {
    var bare = model("m-1").withName("Alice");
    var padded = model("m-2").withName("Alice ");
    saved(bare, padded);

    assertThat(repository.findBy("name", "Alice")).containsExactly(bare);
    assertThat(repository.findBy("name", "Alice ")).containsExactly(padded);
  }

  @Test
  void tells_ids_apart_that_differ_only_in_case_or_trailing_spaces() {
    List<ContractModel> models = saved(model("a"), model("A"), model("a "));

    assertThat(repository.findAll()).containsExactlyElementsOf(models);
    assertThat(repository.find("a ")).contains(models.get(2));
    repository.remove("a");
    assertThat(repository.findAll()).containsExactly(models.get(1), models.get(2));
  }

  @Test
  void finds_long_values_by_their_whole_text() {
    String prefix = "x".repeat(300);
    var first = model("m-1").withName(prefix + "1").withTags(prefix + "a");
    var second = model("m-2").withName(prefix + "2").withTags(prefix + "b");
    saved(first, second);

    assertThat(repository.findBy("name", prefix + "1")).containsExactly(first);
    assertThat(repository.findBy("name", prefix + "2")).containsExactly(second);
    assertThat(repository.findBy("name", prefix + "3")).isEmpty();
    assertThat(repository.findBy("tags", prefix + "b")).containsExactly(second);
    assertThat(repository.find("m-1")).contains(first);
  }

  @Test
  void finds_values_on_either_side_of_the_length_at_which_they_are_hashed() {
    var models = new java.util.ArrayList<ContractModel>();
    for (int length = 185; length <= 195; length++) {
      models.add(model("m-" + length).withName("y".repeat(length)));
    }
    models.forEach(repository::save);

    for (ContractModel model : models) {
      assertThat(repository.findBy("name", model.name())).containsExactly(model);
    }
  }

  @Test
  void null_finds_the_models_whose_field_is_null() {
    var without = model("m-1").withNickname(null);
    var with = model("m-2").withNickname("bo");
    var namedNull = model("m-3").withNickname("null");
    saved(without, with, namedNull);

    assertThat(repository.findBy("nickname", null)).containsExactly(without);
    assertThat(repository.findBy("nickname", "null")).containsExactly(namedNull);
    assertThat(repository.findBy("unknown", null)).isEmpty();
  }

  @Test
  void finds_models_by_an_enum_or_a_uuid_as_jackson_writes_them() {
    var ref = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");
    var gold = model("m-1").withLevel(ContractLevel.GOLD).withRef(ref);
    var bronze = model("m-2");
    saved(gold, bronze);

    assertThat(repository.findBy("level", ContractLevel.GOLD)).containsExactly(gold);
    assertThat(repository.findBy("level", "GOLD")).containsExactly(gold);
    assertThat(repository.findBy("level", ContractLevel.SILVER)).isEmpty();
    assertThat(repository.findBy("ref", ref)).containsExactly(gold);
    assertThat(repository.findBy("ref", ref.toString())).containsExactly(gold);
    assertThat(repository.findBy("ref", ContractModel.REF)).containsExactly(bronze);
  }

  @Test
  void matches_unusual_and_sql_like_strings_literally() {
    List<String> names =
        List.of(
            "' OR 1=1 --",
            "%",
            "_",
            "\\",
            "a%",
            "a_c",
            "\"quoted\"",
            "semi;colon",
            "",
            "\u00e4",
            "a\u0308",
            "\u00df",
            "ss",
            "😀 emoji",
            "שלום",
            "日本語",
            "line\nbreak\ttab");
    var models = new java.util.ArrayList<ContractModel>();
    for (int i = 0; i < names.size(); i++) {
      String id = names.get(i).isEmpty() ? "empty" : names.get(i);
      models.add(model(id).withName(names.get(i)).withTags(names.get(i)));
    }
    models.add(model("m-abc").withName("abc").withTags("a%bc"));
    models.forEach(repository::save);

    for (ContractModel model : models) {
      assertThat(repository.findBy("name", model.name())).as(model.name()).containsExactly(model);
      assertThat(repository.find(model.id())).as(model.id()).contains(model);
    }
    assertThat(repository.findBy("tags", "a%")).containsExactly(models.get(4));
  }

  @Test
  void does_not_index_nested_objects() {
    repository.save(model("m-1"));

    assertThat(repository.findBy("city", "Lisbon")).isEmpty();
  }

  @Test
  void refuses_a_null_model_and_stores_nothing() {
    assertThatThrownBy(() -> repository.save(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("model");
    assertThat(repository.findAll()).isEmpty();
  }

  @Test
  void refuses_an_id_that_is_null_empty_or_too_long_and_changes_nothing() {
    var stored = model("m-1");
    repository.save(stored);

    for (String id : java.util.Arrays.asList(null, "", "i".repeat(256))) {
      assertThatThrownBy(() -> repository.save(ContractModel.of(id, "bad")))
          .as("id %s", id)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("id");
    }
    assertThat(repository.findAll()).containsExactly(stored);
    assertThat(repository.findBy("name", "bad")).isEmpty();
  }

  @Test
  void finds_and_removes_nothing_under_an_id_no_model_can_have() {
    var stored = model("m-1");
    repository.save(stored);

    for (String id : List.of("", "i".repeat(256))) {
      assertThat(repository.find(id)).isEmpty();
      repository.remove(id);
    }
    assertThat(repository.findAll()).containsExactly(stored);
    assertThatThrownBy(() -> repository.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> repository.remove(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void stores_an_id_of_255_characters() {
    var model = model("i".repeat(255));

    repository.save(model);

    assertThat(repository.find(model.id())).contains(model);
  }

  @Test
  void refuses_an_object_or_array_to_compare_with_naming_the_field() {
    var stored = model("m-1");
    repository.save(stored);

    assertThatThrownBy(() -> repository.findBy("address", new ContractAddress("Lisbon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'address'");
    assertThatThrownBy(() -> repository.findBy("tags", List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tags'");
    assertThatThrownBy(() -> repository.findBy(Map.of("name", "x", "info", Map.of("a", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'info'");
    assertThat(repository.findAll()).containsExactly(stored);
  }

  @Test
  void refuses_a_null_field_name_or_clauses() {
    var clauses = new HashMap<String, Object>();
    clauses.put(null, "x");

    assertThatThrownBy(() -> repository.findBy(clauses))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("field");
    assertThatThrownBy(() -> repository.findBy(null)).isInstanceOf(NullPointerException.class);
  }
}
