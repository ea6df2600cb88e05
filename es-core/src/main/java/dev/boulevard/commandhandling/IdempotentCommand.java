package dev.boulevard.commandhandling;

import java.util.Objects;

/**
 * A command sent with an idempotency key, to dispatch through an {@link
 * dev.boulevard.idempotency.IdempotentCommandBus}: {@code bus.dispatch(new IdempotentCommand(key,
 * command))}.
 *
 * @param key the key: a dispatch with a key that a committed dispatch of the same command holds
 *     stores nothing and returns that dispatch's result
 * @param command the command itself, as handlers receive it
 */
public record IdempotentCommand(IdempotencyKey key, Object command) {

  /** Rejects nulls and a command that is itself an {@code IdempotentCommand}. */
  public IdempotentCommand {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(command, "command");
    if (command instanceof IdempotentCommand) {
      throw new IllegalArgumentException("An idempotent command cannot wrap another one");
    }
  }

  /**
   * {@return the command inside an idempotent command, or the object itself if it is none}
   *
   * @param command a command, idempotent or not
   */
  public static Object unwrap(Object command) {
    return command instanceof IdempotentCommand keyed ? keyed.command() : command;
  }
}
