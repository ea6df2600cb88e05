package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.ReliabilityReport;
import dev.boulevard.readmodel.projection.ProjectionState;
import dev.boulevard.readmodel.projection.ProjectionStatus;
import dev.boulevard.readmodel.spi.ParkedEvent;
import dev.boulevard.wallet.http.CorruptEvents.Corruption;
import dev.boulevard.wallet.http.WalletClient.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Corrupt events written into the store with SQL: truncated or mistyped payloads, payloads and type
 * names that name Java classes, unknown versions. Each wallet's commands and history answer a clear
 * 409 that names the event, no class they name is ever loaded, and the projections stop at the
 * first bad event and say where, leaving every read model as it was.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class StoredPayloadCases extends WalletTestCase {

  static final String BYSTANDER = "stored-bystander";

  final Map<String, Object> outcomes = new LinkedHashMap<>();
  final Map<String, Corruption> stored = new LinkedHashMap<>();
  String bystander;
  long firstBadPosition;
  long started;
  long recorded;
  long serverErrors;

  @BeforeAll
  void corrupt_one_wallet_per_case() throws Exception {
    started = System.nanoTime();
    long last = ok("AddWalletCredits", BYSTANDER, 10).position();
    for (Corruption corruption : CorruptEvents.all()) {
      last = ok("AddWalletCredits", wallet(corruption), 10).position();
    }
    awaitReadModels(last);
    bystander = client.get("/wallets/" + BYSTANDER).body();
    var corrupt = new CorruptEvents(database.options());
    for (Corruption corruption : CorruptEvents.all()) {
      Optional<String> refused = corrupt.insert(wallet(corruption), 1, corruption);
      var outcome = new LinkedHashMap<String, Object>();
      outcome.put(
          "stored", refused.isEmpty() ? "yes" : "refused by the database: " + refused.get());
      outcomes.put(corruption.name(), outcome);
      if (refused.isEmpty()) {
        stored.put(wallet(corruption), corruption);
      }
    }
    firstBadPosition =
        app.eventStore().positionOf(wallet(CorruptEvents.all().get(0)), 1).orElseThrow();
  }

  static String wallet(Corruption corruption) {
    return "stored-" + corruption.name();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> outcome(Corruption corruption) {
    return (Map<String, Object>) outcomes.get(corruption.name());
  }

  @Test
  @Order(1)
  void a_command_on_a_wallet_with_a_bad_event_answers_409_and_records_no_event() {
    assertThat(stored).containsKey(wallet(CorruptEvents.all().get(0)));
    for (var entry : stored.entrySet()) {
      String wallet = entry.getKey();
      int audited = app.queries().audit(1_000).size();
      Answer answer = counted(client.command("SubCredits", wallet, 1));
      outcome(entry.getValue()).put("command", answer.status() + " " + answer.error());
      assertUnreadable(answer, wallet, entry.getValue());
      recorded += app.eventStore().positionOf(wallet, 2).isPresent() ? 1 : 0;
      assertThat(app.eventStore().positionOf(wallet, 2)).isEmpty();
      // The audit log records refused commands too, by design: one entry, failed.
      var audit = app.queries().audit(1_000);
      assertThat(audit).hasSize(audited + 1);
      assertThat(audit.get(0).userId()).isEqualTo(wallet);
      assertThat(audit.get(0).outcome()).isEqualTo("failed");
    }
  }

  @Test
  @Order(2)
  void the_history_and_the_past_of_such_a_wallet_answer_409() {
    for (var entry : stored.entrySet()) {
      String wallet = entry.getKey();
      Answer past = counted(client.get("/wallets/" + wallet + "?asOf=2999-01-01T00:00:00Z"));
      Answer events = counted(client.get("/wallets/" + wallet + "/events"));
      outcome(entry.getValue()).put("asOf", past.status() + " " + past.error());
      outcome(entry.getValue()).put("events", events.status() + " " + events.error());
      assertUnreadable(past, wallet, entry.getValue());
      if (entry.getValue().name().equals("duplicate-lot")) {
        assertThat(events.status()).as(events.body()).isEqualTo(200); // readable, not replayable
      } else {
        assertUnreadable(events, wallet, entry.getValue());
      }
    }
  }

  @Test
  @Order(3)
  void no_class_that_stored_data_names_is_ever_loaded() {
    assertThat(System.getProperty(StoredClassTripwire.INITIALISED)).isNull();
  }

  @Test
  @Order(4)
  void the_projections_park_at_the_first_bad_event_and_say_where() throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!allStoppedAtFirstBadEvent() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<ProjectionStatus> statuses = app.projections().status();
    for (ProjectionStatus status : statuses) {
      assertThat(status.state()).as("%s", status).isEqualTo(ProjectionState.PARKED);
      ParkedEvent parked = status.parked().orElseThrow();
      assertThat(parked.position()).isEqualTo(firstBadPosition);
      assertThat(parked.error())
          .as("%s", status)
          .contains("position " + firstBadPosition)
          .contains("'WalletCreditsAdded'");
      assertThat(status.checkpoint().position()).isLessThan(firstBadPosition);
    }
    outcomes.put(
        "projections", statuses.stream().map(s -> s.name() + ": " + s.state()).toList().toString());
    assertThat(client.get("/wallets/" + BYSTANDER).body()).isEqualTo(bystander);
  }

  private boolean allStoppedAtFirstBadEvent() {
    return app.projections().status().stream().allMatch(status -> status.parked().isPresent());
  }

  private Answer counted(Answer answer) {
    serverErrors += answer.status() >= 500 ? 1 : 0;
    return answer;
  }

  private static void assertUnreadable(Answer answer, String wallet, Corruption corruption) {
    assertError(answer, 409, "unreadable_history");
    String message = answer.json().path("message").asText();
    assertThat(message).contains("'" + wallet + "'").contains("playhead 1");
    if (!corruption.name().equals("duplicate-lot")) {
      assertThat(message).contains("'" + corruption.type() + "'");
    }
  }

  @AfterAll
  void write_figures() {
    var figures = new LinkedHashMap<String, Object>();
    figures.put("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
    figures.put("cases", outcomes.size() - (outcomes.containsKey("projections") ? 1 : 0));
    figures.put("stored", stored.size());
    figures.put(
        "classesLoaded", System.getProperty(StoredClassTripwire.INITIALISED) == null ? 0 : 1);
    figures.put("serverErrors", serverErrors);
    figures.put("eventsRecorded", recorded);
    figures.put("lost", 0); // nothing acknowledged here: every command was refused
    figures.put("duplicated", recorded);
    figures.put("outcomes", outcomes);
    new ReliabilityReport("StoredPayloadTest", FuzzFigures.database(getClass()))
        .withAll(figures)
        .publish();
  }
}
