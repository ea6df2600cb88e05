package dev.boulevard.serializer.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.UnknownEventTypeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JacksonSerializerTest {

  record Deposited(String account, long amount) {}

  record Owner(String name, int age) {}

  enum Tier {
    GOLD,
    SILVER
  }

  record Opened(
      String account, Instant at, LocalDate day, List<String> tags, Owner owner, Tier tier) {}

  record Noted(Object note) {}

  record Annotated(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object note) {}

  record Withdrawn(String account) {}

  record Transferred(String fromAccount, long amountInCents) {}

  private static final EventTypeRegistry REGISTRY =
      EventTypeRegistry.builder()
          .register("account.deposited", Deposited.class)
          .register("account.opened", Opened.class)
          .register("account.noted", Noted.class)
          .register("account.annotated", Annotated.class)
          .build();

  private final JacksonSerializer serializer = new JacksonSerializer(REGISTRY);

  private static Object readOne(JacksonSerializer serializer, SerializedEvent serialized) {
    List<Object> events = serializer.deserialize(serialized, Metadata.empty());
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void stores_a_simple_record_as_plain_json_under_its_registered_name() {
    SerializedEvent serialized = serializer.serialize(new Deposited("a-1", 10));

    assertThat(serialized.type()).isEqualTo("account.deposited");
    assertThat(serialized.data()).isEqualTo("{\"account\":\"a-1\",\"amount\":10}");
    assertThat(readOne(serializer, serialized)).isEqualTo(new Deposited("a-1", 10));
  }

  @Test
  void round_trips_a_record_with_java_time_fields_collections_nested_records_and_enums() {
    var opened =
        new Opened(
            "a-1",
            Instant.parse("2024-05-06T07:08:09.123456Z"),
            LocalDate.of(2024, 2, 29),
            List.of("vip", "eu"),
            new Owner("Ada", 36),
            Tier.GOLD);

    SerializedEvent serialized = serializer.serialize(opened);

    assertThat(serialized.type()).isEqualTo("account.opened");
    assertThat(serialized.data())
        .contains("\"at\":\"2024-05-06T07:08:09.123456Z\"")
        .contains("\"day\":\"2024-02-29\"")
        .contains("\"tier\":\"GOLD\"");
    assertThat(readOne(serializer, serialized)).isEqualTo(opened);
  }

  @Test
  void an_unregistered_class_is_an_unknown_event_type() {
    assertThatThrownBy(() -> serializer.serialize(new Withdrawn("a-1")))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining(Withdrawn.class.getName());
  }

  @Test
  void an_unregistered_type_name_is_an_unknown_event_type() {
    assertThatThrownBy(() -> readOne(serializer, new SerializedEvent("account.closed", 1, "{}")))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining("'account.closed'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"account\":\"a-1\",\"amount\":",
        "",
        "{\"account\":\"a-1\",\"amount\":\"ten\"}",
        "{\"account\":\"a-1\",\"amount\":\"10\"}",
        "{\"account\":\"a-1\",\"amount\":10.5}",
        "{\"account\":\"a-1\",\"amount\":null}",
        "{\"account\":\"a-1\",\"amount\":10,\"currency\":\"EUR\"}",
        "{\"account\":\"a-1\",\"amount\":10} trailing",
        "{\"account\":\"a-1\",\"amount\":10}{}",
        "null",
        "[\"java.util.ArrayList\",[]]",
        "{\"@class\":\"java.lang.ProcessBuilder\",\"account\":\"a-1\",\"amount\":10}"
      })
  void data_that_does_not_make_the_event_is_a_serialization_error_naming_the_type(String data) {
    assertThatThrownBy(() -> readOne(serializer, new SerializedEvent("account.deposited", 1, data)))
        .isExactlyInstanceOf(SerializationException.class)
        .hasMessageContaining("'account.deposited'")
        .hasCauseInstanceOf(Exception.class);
  }

  @Test
  void a_class_name_in_an_untyped_field_stays_plain_data() {
    var data = "{\"note\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"true\"]}}";

    Object event = readOne(serializer, new SerializedEvent("account.noted", 1, data));

    assertThat(event)
        .isEqualTo(
            new Noted(Map.of("@class", "java.lang.ProcessBuilder", "command", List.of("true"))));
  }

  @Test
  void refuses_to_read_class_name_type_ids_even_when_an_event_asks_for_them() {
    var data = "{\"note\":[\"java.util.ArrayList\",[]]}";

    assertThatThrownBy(() -> readOne(serializer, new SerializedEvent("account.annotated", 1, data)))
        .isExactlyInstanceOf(SerializationException.class)
        .hasMessageContaining("'account.annotated'");
  }

  @Test
  void refuses_a_mapper_with_default_typing() {
    var ptv = BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build();
    ObjectMapper typing = new ObjectMapper().activateDefaultTyping(ptv);
    ObjectMapper typingAsProperty =
        JacksonMappers.defaults()
            .activateDefaultTypingAsProperty(ptv, ObjectMapper.DefaultTyping.NON_FINAL, "@class");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new JacksonSerializer(REGISTRY, typing))
        .withMessageContaining("default typing");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new JacksonSerializer(REGISTRY, typingAsProperty))
        .withMessageContaining("default typing");
  }

  @Test
  void honours_a_customised_mapper() {
    ObjectMapper snakeCase =
        JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    var registry = EventTypeRegistry.builder().register("money.transferred", Transferred.class);
    var custom = new JacksonSerializer(registry.build(), snakeCase);

    SerializedEvent serialized = custom.serialize(new Transferred("a-1", 5));

    assertThat(serialized.data()).isEqualTo("{\"from_account\":\"a-1\",\"amount_in_cents\":5}");
    assertThat(readOne(custom, serialized)).isEqualTo(new Transferred("a-1", 5));
  }

  @Test
  void ignores_changes_made_to_the_mapper_after_construction() {
    ObjectMapper mapper = JacksonMappers.defaults();
    var custom = new JacksonSerializer(REGISTRY, mapper);

    mapper.enable(SerializationFeature.INDENT_OUTPUT);

    assertThat(custom.serialize(new Deposited("a-1", 10)).data())
        .isEqualTo("{\"account\":\"a-1\",\"amount\":10}");
  }

  @Test
  void writes_each_type_in_version_1_unless_the_builder_sets_another() {
    var versioned = JacksonSerializer.builder(REGISTRY).currentVersion("account.opened", 3).build();

    assertThat(versioned.serialize(new Deposited("a-1", 10)).version()).isEqualTo(1);
    assertThat(
            versioned
                .serialize(new Opened("a-1", Instant.EPOCH, LocalDate.EPOCH, List.of(), null, null))
                .version())
        .isEqualTo(3);
  }

  @Test
  void names_a_registered_class_and_every_name_an_upcaster_reads_as_its_stored_types() {
    var upcasting =
        JacksonSerializer.builder(REGISTRY)
            .upcaster("cash.paid", 1, (event, metadata) -> List.of(event.renamed("x", 1)))
            .build();

    assertThat(upcasting.storedTypeNames(Deposited.class))
        .containsExactlyInAnyOrder("account.deposited", "cash.paid");
    assertThat(serializer.storedTypeNames(Deposited.class)).containsExactly("account.deposited");
    assertThat(serializer.storedTypeNames(Withdrawn.class)).isEmpty();
  }
}
