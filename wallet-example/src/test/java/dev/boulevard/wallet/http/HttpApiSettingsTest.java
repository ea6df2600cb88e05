package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.wallet.app.AdjustableClock;
import dev.boulevard.wallet.app.WalletApp;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Starting the API leaves the JVM's system properties as they were. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpApiSettingsTest {

  private static final List<String> SETTINGS =
      List.of(
          "sun.net.httpserver.maxReqTime",
          "sun.net.httpserver.maxRspTime",
          "sun.net.httpserver.nodelay");

  @Test
  void starting_the_api_sets_no_system_property() throws Exception {
    var before = new Properties();
    SETTINGS.forEach(
        name -> {
          String value = System.getProperty(name);
          if (value != null) {
            before.setProperty(name, value);
          }
          System.clearProperty(name);
        });
    try (var database = TestWalletDatabase.h2();
        var app = WalletApp.start(database.options(), AdjustableClock.withOffset(Duration.ZERO));
        var api = HttpApi.start(app, "127.0.0.1", 0)) {
      assertThat(api.port()).isPositive();
      for (String name : SETTINGS) {
        assertThat(System.getProperty(name)).as(name).isNull();
      }
    } finally {
      before
          .stringPropertyNames()
          .forEach(name -> System.setProperty(name, before.getProperty(name)));
    }
  }
}
