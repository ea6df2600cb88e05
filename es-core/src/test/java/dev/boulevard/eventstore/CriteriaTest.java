package dev.boulevard.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.fixtures.AccountEvent;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.SettableClock;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CriteriaTest {

  /** An abstract payload class, which no stored payload has as its exact class. */
  abstract static class AbstractEvent {}

  private final SettableClock clock = SettableClock.standingStill();

  @Test
  void matches_payloads_of_exactly_the_given_classes() {
    var criteria = Criteria.all().withEventTypes(Deposited.class);

    assertThat(criteria.matches(message(new Deposited("a-1", 1)))).isTrue();
    assertThat(criteria.matches(message(new Opened("a-1")))).isFalse();
  }

  @Test
  void rejects_an_interface_as_event_type() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Criteria.all().withEventTypes(Deposited.class, AccountEvent.class))
        .withMessageContaining(AccountEvent.class.getName())
        .withMessageContaining("criteria match exact payload classes");
  }

  @Test
  void rejects_an_abstract_class_as_event_type() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Criteria.all().withEventTypes(AbstractEvent.class))
        .withMessageContaining(AbstractEvent.class.getName())
        .withMessageContaining("criteria match exact payload classes");
  }

  @Test
  void rejects_an_interface_given_to_the_constructor_too() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Criteria(Set.of(), Set.of(AccountEvent.class)))
        .withMessageContaining(AccountEvent.class.getName());
  }

  private DomainMessage message(Object payload) {
    return DomainMessage.recordNow("a-1", 0, Metadata.empty(), payload, clock);
  }
}
