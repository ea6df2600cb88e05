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
import java.util.LinkedHashMap;
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

  @Test
  void stores_a_simple_record_as_plain_json_under_its_registered_name() {
    SerializedEvent serialized = serializer.serialize(new Deposited("a-1", 10));

    assertThat(serialized.type()).isEqualTo("account.deposited");
    assertThat(serialized.data()).isEqualTo("{\"account\":\"a-1\",\"amount\":10}");
    assertThat(serializer.deserialize(serialized)).isEqualTo(new Deposited("a-1", 10));
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
    assertThat(serializer.deserialize(serialized)).isEqualTo(opened);
  }

  @Test
  void an_unregistered_class_is_an_unknown_event_type() {
    assertThatThrownBy(() -> serializer.serialize(new Withdrawn("a-1")))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining(Withdrawn.class.getName());
  }

  @Test
  void an_unregistered_type_name_is_an_unknown_event_type() {
    assertThatThrownBy(() -> serializer.deserialize(new SerializedEvent("account.closed", "{}")))
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
    assertThatThrownBy(() -> serializer.deserialize(new SerializedEvent("account.deposited", data)))
        .isExactlyInstanceOf(SerializationException.class)
        .hasMessageContaining("'account.deposited'")
        .hasCauseInstanceOf(Exception.class);
  }

  @Test
  void a_class_name_in_an_untyped_field_stays_plain_data() {
    var data = "{\"note\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"true\"]}}";

    Object event = serializer.deserialize(new SerializedEvent("account.noted", data));

    assertThat(event)
        .isEqualTo(
            new Noted(Map.of("@class", "java.lang.ProcessBuilder", "command", List.of("true"))));
  }

  @Test
  void refuses_to_read_class_name_type_ids_even_when_an_event_asks_for_them() {
    var data = "{\"note\":[\"java.util.ArrayList\",[]]}";

    assertThatThrownBy(() -> serializer.deserialize(new SerializedEvent("account.annotated", data)))
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
    assertThat(custom.deserialize(serialized)).isEqualTo(new Transferred("a-1", 5));
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
  void round_trips_metadata_as_a_json_object_of_strings() {
    var values = new LinkedHashMap<String, String>();
    values.put("user", "u-1");
    values.put("reason", "Grüße, 東京 🚀 \"quoted\"");
    Metadata metadata = Metadata.of(values);

    String json = serializer.serializeMetadata(metadata);

    assertThat(json).startsWith("{\"user\":\"u-1\",\"reason\":");
    assertThat(serializer.deserializeMetadata(json)).isEqualTo(metadata);
  }

  @Test
  void round_trips_empty_metadata() {
    assertThat(serializer.serializeMetadata(Metadata.empty())).isEqualTo("{}");
    assertThat(serializer.deserializeMetadata("{}")).isEqualTo(Metadata.empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"user\":",
        "",
        "null",
        "[]",
        "\"user\"",
        "{\"user\":1}",
        "{\"user\":null}",
        "{\"user\":{\"id\":\"u-1\"}}",
        "{\"user\":\"u-1\",\"user\":\"u-2\"}",
        "{\"user\":\"u-1\"} trailing"
      })
  void malformed_metadata_is_a_serialization_error_naming_metadata(String json) {
    assertThatThrownBy(() -> serializer.deserializeMetadata(json))
        .isExactlyInstanceOf(SerializationException.class)
        .hasMessageContaining("'metadata'");
  }
}
