package dev.boulevard.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.AccountEvent.Withdrawn;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventTypeRegistryTest {

  private final EventTypeRegistry registry =
      EventTypeRegistry.builder()
          .register("account.opened", Opened.class)
          .register("account.deposited", Deposited.class)
          .build();

  @Test
  void maps_a_class_to_its_stable_name_and_back() {
    assertThat(registry.nameOf(Opened.class)).isEqualTo("account.opened");
    assertThat(registry.typeOf("account.deposited")).isEqualTo(Deposited.class);
  }

  @Test
  void stored_names_are_not_class_names() {
    assertThat(registry.entries().keySet()).noneMatch(name -> name.contains("fixtures"));
  }

  @Test
  void an_unknown_name_is_a_clear_error() {
    assertThatThrownBy(() -> registry.typeOf("account.closed"))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining("'account.closed'")
        .hasMessageContaining("EventTypeRegistry");
  }

  @Test
  void an_unregistered_class_is_a_clear_error() {
    assertThatThrownBy(() -> registry.nameOf(Withdrawn.class))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining(Withdrawn.class.getName());
    assertThat(registry.findName(Withdrawn.class)).isEmpty();
    assertThat(registry.findName(Opened.class)).contains("account.opened");
  }

  @Test
  void refuses_a_name_registered_twice() {
    var builder = EventTypeRegistry.builder().register("x", Opened.class);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.register("x", Deposited.class))
        .withMessageContaining("'x'")
        .withMessageContaining(Opened.class.getName());
  }

  @Test
  void refuses_a_class_registered_twice() {
    var builder = EventTypeRegistry.builder().register("x", Opened.class);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.register("y", Opened.class))
        .withMessageContaining("'x'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "has space", "-leading", "ünïcode", "a\nb"})
  void refuses_a_malformed_name(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventTypeRegistry.builder().register(name, Opened.class));
  }

  @Test
  void a_built_registry_does_not_change_when_its_builder_does() {
    var builder = EventTypeRegistry.builder().register("x", Opened.class);
    var built = builder.build();

    builder.register("y", Deposited.class);

    assertThat(built.entries()).containsOnlyKeys("x");
  }
}
