package dev.boulevard.spring.boot.sample;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.spring.boot.sample.AccountHandler.Deposit;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;

/** The sample of docs/spring-boot.md that dispatches a command and reads the read model. */
final class Deposits {

  @Autowired CommandBus commands;
  @Autowired Projections projections;

  Optional<Balance> deposit(String id) throws InterruptedException {
    long position = commands.dispatch(new Deposit(id, 100)).position();
    projections.awaitPosition(position, Duration.ofSeconds(5)); // read your own write
    return projections.readModel(SampleApplication.BALANCES, Balance.class).find(id);
  }
}
