package dev.boulevard.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.AccountEvent.Withdrawn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
  void lists_its_entries_in_registration_order() {
    List<Class<?>> types =
        List.of(
            String.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            Double.class,
            Float.class,
            Character.class,
            Boolean.class,
            BigDecimal.class,
            BigInteger.class,
            LocalDate.class,
            Instant.class,
            UUID.class,
            Duration.class,
            Opened.class);
    var builder = EventTypeRegistry.builder();
    var names = new ArrayList<String>();
    for (Class<?> type : types) {
      String name = "type." + type.getSimpleName().toLowerCase(Locale.ROOT);
      names.add(name);
      builder.register(name, type);
    }

    assertThat(builder.build().entries().keySet()).containsExactlyElementsOf(names);
  }

  @Test
  void its_entries_cannot_be_changed() {
    assertThatThrownBy(() -> registry.entries().put("account.closed", Withdrawn.class))
        .isInstanceOf(UnsupportedOperationException.class);
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
