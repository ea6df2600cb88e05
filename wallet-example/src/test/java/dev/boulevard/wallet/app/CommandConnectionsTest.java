package dev.boulevard.wallet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.wallet.domain.InsufficientCreditsException;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** How many connections the app's command side checks out per command, on a real H2 database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandConnectionsTest {

  private final AtomicInteger checkOuts = new AtomicInteger();
  private final WalletCommands commands = WalletApp.commandsOn(counting(h2()), Clock.systemUTC());

  @Test
  void a_command_that_succeeds_checks_out_one_connection() {
    commands.dispatch(new AddWalletCredits("ada", 10));
    checkOuts.set(0);

    commands.dispatch(new SubCredits("ada", 4));

    assertThat(checkOuts).hasValue(1);
  }

  @Test
  void a_command_with_an_idempotency_key_checks_out_one_connection_and_so_does_its_repeat() {
    commands.dispatch(new AddWalletCredits("cy", 10));
    var key = IdempotencyKey.of("test", "k-1");
    checkOuts.set(0);

    assertThat(commands.dispatch(new SubCredits("cy", 4), key).replayed()).isFalse();
    assertThat(checkOuts).hasValue(1);
    checkOuts.set(0);
    assertThat(commands.dispatch(new SubCredits("cy", 4), key).replayed()).isTrue();
    assertThat(checkOuts).hasValue(1);
  }

  @Test
  void a_command_that_fails_checks_out_one_more_for_its_audit_row() {
    commands.dispatch(new AddWalletCredits("bob", 1));
    checkOuts.set(0);

    assertThatThrownBy(() -> commands.dispatch(new SubCredits("bob", 5)))
        .isInstanceOf(InsufficientCreditsException.class);

    assertThat(checkOuts).hasValue(2);
  }

  private static DataSource h2() {
    var h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:connections_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** A real data source that counts the connections it hands out. */
  private DataSource counting(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              try {
                Object result = method.invoke(real, args);
                if (result instanceof Connection) {
                  checkOuts.incrementAndGet();
                }
                return result;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
