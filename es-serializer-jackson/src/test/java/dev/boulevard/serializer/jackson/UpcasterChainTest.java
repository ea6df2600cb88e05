package dev.boulevard.serializer.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.Metadata;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.serializer.SerializationException;
import dev.boulevard.serializer.SerializedEvent;
import dev.boulevard.serializer.UnknownEventTypeException;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The serializer's versions and upcasters, without a database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UpcasterChainTest {

  record Named(String name, int age) {}

  private static final EventTypeRegistry REGISTRY =
      EventTypeRegistry.builder().register("named", Named.class).build();

  private static final Upcaster ADD_AGE =
      (event, metadata) -> List.of(event.nextVersion(event.payload().put("age", 0)));

  private static List<Object> read(
      JacksonSerializer serializer, String type, int version, String json) {
    return serializer.deserialize(new SerializedEvent(type, version, json), Metadata.empty());
  }

  @Test
  void a_type_is_written_in_version_1_unless_the_builder_sets_another() {
    assertThat(new JacksonSerializer(REGISTRY).currentVersion("named")).isEqualTo(1);
    assertThat(
            JacksonSerializer.builder(REGISTRY)
                .currentVersion("named", 4)
                .build()
                .currentVersion("named"))
        .isEqualTo(4);
  }

  @Test
  void the_current_version_is_read_without_upcasters() {
    var serializer =
        JacksonSerializer.builder(REGISTRY)
            .currentVersion("named", 2)
            .upcaster("named", 1, ADD_AGE)
            .build();

    assertThat(read(serializer, "named", 2, "{\"name\":\"Ada\",\"age\":36}"))
        .containsExactly(new Named("Ada", 36));
    assertThat(read(serializer, "named", 1, "{\"name\":\"Ada\"}"))
        .containsExactly(new Named("Ada", 0));
  }

  @Test
  void an_upcaster_that_reads_what_this_code_writes_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JacksonSerializer.builder(REGISTRY).upcaster("named", 1, ADD_AGE).build())
        .withMessageContaining("current version is 1");
  }

  @Test
  void a_version_of_an_unregistered_type_or_a_second_registration_is_refused() {
    assertThatThrownBy(() -> JacksonSerializer.builder(REGISTRY).currentVersion("other", 2))
        .isInstanceOf(UnknownEventTypeException.class);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JacksonSerializer.builder(REGISTRY).currentVersion("named", 0));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                JacksonSerializer.builder(REGISTRY)
                    .upcaster("old", 1, ADD_AGE)
                    .upcaster("old", 1, ADD_AGE))
        .withMessageContaining("version 1 of event type 'old'");
  }

  @Test
  void two_renames_into_each_other_fail_instead_of_running_forever() {
    var serializer =
        JacksonSerializer.builder(REGISTRY)
            .upcaster("ping", 1, (event, metadata) -> List.of(event.renamed("pong", 1)))
            .upcaster("pong", 1, (event, metadata) -> List.of(event.renamed("ping", 1)))
            .build();

    assertThatThrownBy(() -> read(serializer, "ping", 1, "{}"))
        .isInstanceOf(UpcastingException.class)
        .hasMessageContaining("more than " + UpcasterChain.MAX_STEPS + " steps");
  }

  @Test
  void an_upcaster_that_returns_nothing_or_throws_fails_naming_its_type_and_version() {
    var serializer =
        JacksonSerializer.builder(REGISTRY)
            .upcaster("gone", 1, (event, metadata) -> List.of())
            .upcaster(
                "broken",
                3,
                (event, metadata) -> {
                  throw new IllegalStateException("no");
                })
            .build();

    assertThatThrownBy(() -> read(serializer, "gone", 1, "{}"))
        .isInstanceOf(UpcastingException.class)
        .hasMessageContaining("version 1 of event type 'gone' failed");
    assertThatThrownBy(() -> read(serializer, "broken", 3, "{}"))
        .isInstanceOf(UpcastingException.class)
        .hasMessageContaining("version 3 of event type 'broken' failed")
        .hasRootCauseMessage("no");
  }

  @Test
  void a_payload_that_is_not_an_object_or_an_upcast_payload_that_does_not_fit_fails() {
    var serializer =
        JacksonSerializer.builder(REGISTRY)
            .currentVersion("named", 2)
            .upcaster("named", 1, ADD_AGE)
            .build();

    assertThatThrownBy(() -> read(serializer, "named", 1, "[1]"))
        .isInstanceOf(UpcastingException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> read(serializer, "named", 1, "{\"name\":\"Ada\",\"colour\":\"red\"}"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("'named'")
        .hasMessageContaining("colour");
  }
}
