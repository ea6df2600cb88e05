package dev.boulevard.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LogFollowerTest {

  private final List<String> waits = new ArrayList<>();

  /** A follower that has taken in every position up to the given one, and notes each wait. */
  private LogFollower at(String name, long reached) {
    return (position, timeout) -> {
      waits.add(name + " " + position);
      return position <= reached ? new AwaitOutcome.Reached() : new AwaitOutcome.TimedOut();
    };
  }

  /** A follower that is stuck at a position, and notes each wait. */
  private LogFollower stuck(String name, long at) {
    return (position, timeout) -> {
      waits.add(name + " " + position);
      return position < at
          ? new AwaitOutcome.Reached()
          : new AwaitOutcome.Stuck(name, at, "wallet.credits-added", "IllegalStateException: no");
    };
  }

  @Test
  void all_waits_on_every_follower_for_the_position() throws InterruptedException {
    LogFollower both = LogFollower.all(at("projections", 10), at("sagas", 12));

    assertThat(both.awaitPosition(10, Duration.ofSeconds(1))).isTrue();
    assertThat(waits).containsExactly("projections 10", "sagas 10");
  }

  @Test
  void all_is_false_as_soon_as_one_follower_has_not_taken_the_position_in()
      throws InterruptedException {
    LogFollower both = LogFollower.all(at("projections", 3), at("sagas", 12));

    assertThat(both.awaitPosition(10, Duration.ofSeconds(1))).isFalse();
    assertThat(waits).containsExactly("projections 10");
  }

  @Test
  void all_answers_the_outcome_of_the_second_follower_when_it_is_stuck()
      throws InterruptedException {
    LogFollower both = LogFollower.all(at("projections", 12), stuck("sagas", 7));

    AwaitOutcome outcome = both.awaitOutcome(10, Duration.ofSeconds(1));

    assertThat(outcome)
        .isEqualTo(
            new AwaitOutcome.Stuck(
                "sagas", 7, "wallet.credits-added", "IllegalStateException: no"));
    assertThat(outcome.reached()).isFalse();
    assertThat(both.awaitPosition(10, Duration.ofSeconds(1))).isFalse();
    assertThat(waits).containsExactly("projections 10", "sagas 10", "projections 10", "sagas 10");
  }

  @Test
  void all_answers_the_first_follower_that_is_not_reached() throws InterruptedException {
    LogFollower both = LogFollower.all(at("projections", 3), stuck("sagas", 2));

    assertThat(both.awaitOutcome(10, Duration.ofSeconds(1))).isEqualTo(new AwaitOutcome.TimedOut());
    assertThat(waits).containsExactly("projections 10");
  }

  @Test
  void all_answers_reached_when_every_follower_took_the_position_in() throws InterruptedException {
    LogFollower both = LogFollower.all(at("projections", 10), stuck("sagas", 11));

    assertThat(both.awaitOutcome(10, Duration.ofSeconds(1))).isEqualTo(new AwaitOutcome.Reached());
  }

  @Test
  void all_shares_one_timeout_between_the_followers() throws InterruptedException {
    List<Duration> given = new ArrayList<>();
    LogFollower slow =
        (position, timeout) -> {
          given.add(timeout);
          Thread.sleep(50);
          return new AwaitOutcome.Reached();
        };

    LogFollower.all(slow, slow).awaitPosition(1, Duration.ofMillis(200));

    assertThat(given.get(0)).isLessThanOrEqualTo(Duration.ofMillis(200));
    assertThat(given.get(1)).isLessThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void all_of_no_follower_has_taken_in_every_position() throws InterruptedException {
    assertThat(LogFollower.all().awaitPosition(42, Duration.ZERO)).isTrue();
  }

  @Test
  void all_refuses_a_negative_position() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LogFollower.all(at("projections", 1)).awaitPosition(-1, Duration.ZERO))
        .withMessageContaining("-1");
  }
}
