package dev.boulevard.spring.boot;

import static dev.boulevard.spring.boot.StarterTables.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.spring.boot.sample.AccountHandler.Deposit;
import dev.boulevard.spring.boot.sample.AccountHandler.OpenAccount;
import dev.boulevard.spring.boot.sample.Balance;
import dev.boulevard.spring.boot.sample.SampleApplication;
import dev.boulevard.spring.boot.sample.WelcomeBonus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BoulevardStarterTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired private CommandBus commands;
  @Autowired private Projections projections;
  @Autowired private Environment environment;

  @BeforeAll
  static void dropTablesOfEarlierRuns() throws SQLException {
    StarterTables.dropAll();
  }

  @Test
  void a_dispatched_command_reaches_the_read_model_and_the_process_manager_adds_its_bonus()
      throws Exception {
    String id = "acc-" + UUID.randomUUID();

    commands.dispatch(new OpenAccount(id, "Ada"));
    long position = commands.dispatch(new Deposit(id, 100)).position();

    assertThat(projections.awaitPosition(position, WAIT)).isTrue();
    eventually(
        WAIT,
        () ->
            assertThat(balanceOf(id)).isEqualTo(new Balance(id, "Ada", 100 + WelcomeBonus.BONUS)));
    assertThat(get("/actuator/health/boulevard").body()).contains("\"status\":\"UP\"");
  }

  @Test
  void a_parked_projection_makes_the_health_down_until_it_is_skipped_through_the_endpoint()
      throws Exception {
    String ownerless = "acc-" + UUID.randomUUID();

    commands.dispatch(new OpenAccount(ownerless, " "));

    eventually(
        WAIT, () -> assertThat(get("/actuator/health/boulevard").statusCode()).isEqualTo(503));
    HttpResponse<String> down = get("/actuator/health/boulevard");
    assertThat(down.body())
        .contains("\"status\":\"DOWN\"")
        .contains("\"balances\"")
        .contains("\"eventType\":\"account.opened\"")
        .contains("Account " + ownerless + " has no owner");
    assertThat(get("/actuator/boulevard").body()).contains("\"state\":\"PARKED\"");

    HttpResponse<String> skipped =
        post("/actuator/boulevard/balances/skip", "{\"reason\":\"test\"}");

    assertThat(skipped.statusCode()).isEqualTo(200);
    eventually(
        WAIT, () -> assertThat(get("/actuator/health/boulevard").statusCode()).isEqualTo(200));
    assertThat(projections.decisions("balances")).isNotEmpty();
  }

  @Test
  void appends_batches_and_lag_show_in_the_applications_metrics_with_no_code_of_its_own()
      throws Exception {
    String id = "acc-" + UUID.randomUUID();

    commands.dispatch(new OpenAccount(id, "Grace"));
    long position = commands.dispatch(new Deposit(id, 10)).position(); // loads the account
    assertThat(projections.awaitPosition(position, WAIT)).isTrue();

    assertThat(get("/actuator/metrics/boulevard.append?tag=store:bootstarter_events").body())
        .contains("\"name\":\"boulevard.append\"")
        .contains("\"outcome\"");
    eventually(
        WAIT,
        () ->
            assertThat(get("/actuator/metrics/boulevard.projection.batch").body())
                .contains("\"balances\""));
    assertThat(get("/actuator/metrics/boulevard.projection.lag.positions").body())
        .contains("\"balances\"", "\"welcome_bonus\"");
    assertThat(get("/actuator/metrics/boulevard.outbox.depth").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/metrics/boulevard.load").statusCode()).isEqualTo(200);
  }

  @Test
  void the_endpoint_lists_every_projection_and_process_manager() throws Exception {
    HttpResponse<String> listed = get("/actuator/boulevard");

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body())
        .contains("\"name\":\"balances\"", "\"kind\":\"projection\"")
        .contains("\"name\":\"welcome_bonus\"", "\"kind\":\"process-manager\"");
  }

  @Test
  void the_endpoint_answers_a_wrong_decision_with_a_client_error_that_says_why() throws Exception {
    HttpResponse<String> unknown = post("/actuator/boulevard/nothing/skip", "{}");
    HttpResponse<String> notParked = post("/actuator/boulevard/balances/resume", "{}");
    HttpResponse<String> badAction = post("/actuator/boulevard/balances/delete", "{}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no projection or process manager named 'nothing'");
    assertThat(notParked.statusCode()).isEqualTo(409);
    assertThat(notParked.body()).contains("Cannot resume 'balances'");
    assertThat(badAction.statusCode()).isEqualTo(400);
    assertThat(badAction.body()).contains("the actions are resume and skip");
  }

  private Balance balanceOf(String id) {
    return projections.readModel(SampleApplication.BALANCES, Balance.class).find(id).orElse(null);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("Cannot reach " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }
}
