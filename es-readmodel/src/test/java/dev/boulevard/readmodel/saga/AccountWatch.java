package dev.boulevard.readmodel.saga;

import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.eventstore.contract.ContractEvent.Withdrawn;
import dev.boulevard.saga.CorrelationKey;
import dev.boulevard.saga.ProcessManager;
import dev.boulevard.serializer.EventTypeRegistry;
import java.time.Duration;

/**
 * The process manager the runtime tests run: welcomes an opened account at once and reviews it a
 * day later; thanks for each deposit; a deposit of 1000 or more cancels the review; a withdrawal
 * ends the process and cancels the review; a negative deposit makes it fail.
 */
final class AccountWatch extends ProcessManager<AccountWatch.Watch> {

  record Watch(String account, int deposits) {}

  record Welcome(String account) {}

  record Thank(String account, long playhead) {}

  record Review(String account) {}

  /** A command nobody registered. */
  record Unregistered(String account) {}

  static final EventTypeRegistry COMMANDS =
      EventTypeRegistry.builder()
          .register("watch.welcome", Welcome.class)
          .register("watch.thank", Thank.class)
          .register("watch.review", Review.class)
          .build();

  AccountWatch(String name) {
    super(name, Watch.class);
    on(
        Opened.class,
        CorrelationKey.aggregateId(),
        (state, opened, context) -> {
          context.dispatch(new Welcome(opened.account()));
          context.schedule(
              "review",
              context.message().recordedOn().plus(Duration.ofDays(1)),
              new Review(opened.account()));
          return new Watch(opened.account(), 0);
        });
    on(
        Deposited.class,
        CorrelationKey.aggregateId(),
        (state, deposited, context) -> {
          if (deposited.amount() < 0) {
            throw new IllegalArgumentException("negative deposit " + deposited.amount());
          }
          if (deposited.amount() == 666) {
            context.dispatch(new Unregistered(deposited.account()));
          }
          context.dispatch(new Thank(deposited.account(), context.message().playhead()));
          if (deposited.amount() >= 1000) {
            context.cancel("review");
          }
          Watch watch = state.orElse(new Watch(deposited.account(), 0));
          return new Watch(watch.account(), watch.deposits() + 1);
        });
    on(
        Withdrawn.class,
        CorrelationKey.aggregateId(),
        (state, withdrawn, context) -> {
          context.cancel("review");
          context.end();
          return null;
        });
  }
}
