package dev.boulevard.spring.boot.sample;

import dev.boulevard.eventsourcing.EventSourcingRepository;
import dev.boulevard.readmodel.projection.TrackingProjection;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.spring.boot.AggregateDeclaration;
import dev.boulevard.spring.boot.CommandTypes;
import dev.boulevard.spring.boot.EventTypes;
import dev.boulevard.spring.boot.sample.AccountEvent.AccountOpened;
import dev.boulevard.spring.boot.sample.AccountEvent.MoneyDeposited;
import dev.boulevard.spring.boot.sample.AccountHandler.Deposit;
import dev.boulevard.spring.boot.sample.AccountHandler.OpenAccount;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The sample application: all the Boulevard code a user writes beyond the domain. */
@SpringBootApplication
public class SampleApplication {

  /** The balances' read model. */
  public static final String BALANCES = "bootstarter_balances";

  /** Runs the sample. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  @Bean
  AggregateDeclaration<Account> accounts() {
    return AggregateDeclaration.of(Account.class, Account::new);
  }

  @Bean
  EventTypes accountEvents() {
    return EventTypes.of(
        EventTypeRegistry.builder()
            .register("account.opened", AccountOpened.class)
            .register("account.deposited", MoneyDeposited.class)
            .build());
  }

  @Bean
  AccountHandler accountHandler(EventSourcingRepository<Account> accounts) {
    return new AccountHandler(accounts);
  }

  @Bean
  TrackingProjection balances() {
    return TrackingProjection.named("balances")
        .readModel(BALANCES, Balance.class)
        .projector(models -> new BalanceProjector(models.repository(BALANCES, Balance.class)));
  }

  @Bean
  WelcomeBonus welcomeBonus() {
    return new WelcomeBonus();
  }

  @Bean
  CommandTypes accountCommands() {
    return CommandTypes.of(
        EventTypeRegistry.builder()
            .register("account.open", OpenAccount.class)
            .register("account.deposit", Deposit.class)
            .build());
  }
}
