package dev.boulevard.idempotency;

import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.CommandHandler;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.commandhandling.IdempotentCommand;
import dev.boulevard.unitofwork.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A command bus decorator that applies each {@link IdempotentCommand} once: the first dispatch of a
 * key runs the command and records the key with what it stored, in the same unit of work as its
 * events; a later dispatch of the key runs nothing and returns that result, marked {@link
 * DispatchResult#replayed()}.
 *
 * <ul>
 *   <li>A key sent with another command (another type or fields, compared by fingerprint) is
 *       refused with an {@link IdempotencyKeyReusedException}, storing nothing.
 *   <li>A command that fails stores no key: sending it again runs it again.
 *   <li>Two dispatches of one key at once, in one process or in several on one database: the second
 *       waits until the first commits and then returns its result, or runs if the first failed.
 *   <li>Keys are kept for {@link Builder#keepKeysFor} (24 hours unless set) and count as absent
 *       after that; {@link #deleteExpiredKeys()} deletes them.
 * </ul>
 *
 * <p>Commands that are not {@code IdempotentCommand}s pass through unchanged. It belongs inside the
 * unit of work that covers a command, as the bus that a {@code CommandLogger} or an {@code
 * EventDispatchingCommandBus} wraps, so that a command log entry commits with the command, and a
 * retry of a lost race, which runs the unit again, claims the key again:
 *
 * <pre>{@code
 * CommandBus handlers = new SimpleCommandBus();
 * CommandBus keyed = IdempotentCommandBus.builder(handlers, keys).unitOfWork(unitOfWork).build();
 * CommandBus bus = CommandLogger.around(keyed, commandLog, clock, unitOfWork);
 * bus.dispatch(new IdempotentCommand(IdempotencyKey.of("client-7", "a1b2"), command));
 * }</pre>
 *
 * <p>Thread-safe when the wrapped bus and the store are.
 */
public final class IdempotentCommandBus implements CommandBus {

  /** How long keys are kept unless {@link Builder#keepKeysFor} says otherwise. */
  public static final Duration DEFAULT_KEEP = Duration.ofHours(24);

  private final CommandBus delegate;
  private final IdempotencyStore store;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final Duration keep;
  private final Function<Object, String> fingerprints;

  private IdempotentCommandBus(Builder builder) {
    this.delegate = builder.delegate;
    this.store = builder.store;
    this.unitOfWork = builder.unitOfWork;
    this.clock = builder.clock;
    this.keep = builder.keep;
    this.fingerprints = builder.fingerprints;
  }

  /**
   * {@return a builder}
   *
   * @param delegate the bus that runs the commands
   * @param store where the keys are kept
   */
  public static Builder builder(CommandBus delegate, IdempotencyStore store) {
    return new Builder(delegate, store);
  }

  @Override
  public void subscribe(CommandHandler handler) {
    delegate.subscribe(handler);
  }

  /**
   * Dispatches a command; an {@link IdempotentCommand} at most once per key.
   *
   * @return what the command stored, or for a repeated key what its first dispatch stored, marked
   *     replayed
   * @throws IdempotencyKeyReusedException if the key came with another command before
   */
  @Override
  public DispatchResult dispatch(Object command) {
    Objects.requireNonNull(command, "command");
    if (!(command instanceof IdempotentCommand keyed)) {
      return delegate.dispatch(command);
    }
    String fingerprint = fingerprint(keyed.command());
    return unitOfWork.run(() -> dispatchOnce(keyed, fingerprint));
  }

  private DispatchResult dispatchOnce(IdempotentCommand keyed, String fingerprint) {
    IdempotencyKey key = keyed.key();
    Instant now = clock.instant();
    Optional<StoredDispatch> first = store.claim(key, fingerprint, now, now.plus(keep));
    if (first.isPresent()) {
      if (!first.get().fingerprint().equals(fingerprint)) {
        throw IdempotencyKeyReusedException.forKey(key, keyed.command());
      }
      return first.get().result().asReplayed();
    }
    try {
      DispatchResult result = delegate.dispatch(keyed.command());
      store.complete(key, result);
      return result;
    } catch (Throwable e) {
      // The command, or the record of its result, failed: the key must stay free.
      try {
        store.release(key);
      } catch (RuntimeException releaseFailure) {
        e.addSuppressed(releaseFailure);
      }
      throw e;
    }
  }

  /**
   * Deletes the keys kept longer than the keep time: a clean-up to run now and then.
   *
   * @return how many keys it deleted
   */
  public int deleteExpiredKeys() {
    return store.deleteExpired(clock.instant());
  }

  /** {@return the SHA-256, in hex, of the command's fingerprint: what the store keeps} */
  private String fingerprint(Object command) {
    String fingerprint = fingerprints.apply(command);
    if (fingerprint == null || fingerprint.isEmpty()) {
      throw new IllegalStateException(
          "The fingerprint function gave no fingerprint for a " + command.getClass().getName());
    }
    return sha256(fingerprint);
  }

  /**
   * {@return the default fingerprint of a command: its class name and {@code toString()}, for
   * records, whose {@code toString()} shows every field}
   *
   * @param command a record
   * @throws IllegalArgumentException if the command is not a record
   */
  public static String recordFingerprint(Object command) {
    if (!(command instanceof Record)) {
      throw new IllegalArgumentException(
          "Cannot fingerprint a "
              + command.getClass().getName()
              + ": the default fingerprint reads a record's fields through its toString(); make"
              + " the command a record, or give the builder a fingerprint function");
    }
    return command.getClass().getName() + '\n' + command;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /** Configures an {@link IdempotentCommandBus}. */
  public static final class Builder {

    private final CommandBus delegate;
    private final IdempotencyStore store;
    private UnitOfWork unitOfWork = UnitOfWork.none();
    private Clock clock = Clock.systemUTC();
    private Duration keep = DEFAULT_KEEP;
    private Function<Object, String> fingerprints = IdempotentCommandBus::recordFingerprint;

    private Builder(CommandBus delegate, IdempotencyStore store) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Sets the unit of work that the key's claim, the command and the key's result share: the event
     * store's; joined when a unit is open on the thread already. None by default, for the in-memory
     * stores.
     *
     * @param unitOfWork the unit of work
     * @return this builder
     */
    public Builder unitOfWork(UnitOfWork unitOfWork) {
      this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
      return this;
    }

    /**
     * Sets the clock that stamps keys and finds expired ones; the system's UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long a key is kept after its dispatch: a repeat within it is a replay, after it a
     * new command. Longer than any retry of a client's; 24 hours by default.
     *
     * @param keep a positive duration
     * @return this builder
     */
    public Builder keepKeysFor(Duration keep) {
      Objects.requireNonNull(keep, "keep");
      if (keep.isNegative() || keep.isZero()) {
        throw new IllegalArgumentException("Keys must be kept for a positive time, not " + keep);
      }
      this.keep = keep;
      return this;
    }

    /**
     * Sets how a command's fingerprint is made: a text equal for equal commands and different for
     * commands of another type or fields, such as the command's type and JSON; the bus keeps its
     * SHA-256. By default {@link #recordFingerprint}, which takes records only.
     *
     * @param fingerprints makes the fingerprint of a command
     * @return this builder
     */
    public Builder fingerprints(Function<Object, String> fingerprints) {
      this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
      return this;
    }

    /** {@return the bus} */
    public IdempotentCommandBus build() {
      return new IdempotentCommandBus(this);
    }
  }
}
