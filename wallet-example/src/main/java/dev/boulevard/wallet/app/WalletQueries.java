package dev.boulevard.wallet.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.eventstore.AwaitOutcome;
import dev.boulevard.eventstore.LogFollower;
import dev.boulevard.eventstore.jdbc.JdbcCommandLog;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.StoredCommand;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.saga.Sagas;
import dev.boulevard.repository.AsOf;
import dev.boulevard.repository.TimeTravelRepository;
import dev.boulevard.serializer.EventTypeRegistry;
import dev.boulevard.wallet.app.WalletViews.AuditEntry;
import dev.boulevard.wallet.app.WalletViews.Credits;
import dev.boulevard.wallet.app.WalletViews.Event;
import dev.boulevard.wallet.app.WalletViews.Invoice;
import dev.boulevard.wallet.domain.Wallet;
import dev.boulevard.wallet.domain.WalletLimits;
import dev.boulevard.wallet.readmodel.WalletCredits;
import dev.boulevard.wallet.readmodel.WalletProjections;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The wallet's queries: credits and invoices from the read models, history and time travel from the
 * event store, the command audit log, and who runs the projections. Thread-safe.
 */
public final class WalletQueries {

  private final Projections projections;
  private final Sagas sagas;
  private final Projections publishing; // null unless the app publishes its events
  private final LogFollower readers;
  private final JdbcEventStore store;
  private final TimeTravelRepository<Wallet> wallets;
  private final EventTypeRegistry registry;
  private final JdbcCommandLog audit;
  private final ObjectMapper mapper;
  private final Clock clock;

  WalletQueries(
      Projections projections,
      Sagas sagas,
      Projections publishing,
      LogFollower readers,
      JdbcEventStore store,
      TimeTravelRepository<Wallet> wallets,
      EventTypeRegistry registry,
      JdbcCommandLog audit,
      ObjectMapper mapper,
      Clock clock) {
    this.projections = projections;
    this.sagas = sagas;
    this.publishing = publishing;
    this.readers = readers;
    this.store = store;
    this.wallets = wallets;
    this.registry = registry;
    this.audit = audit;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Waits, for at most five seconds, until every read model and process manager has taken in a
   * global position.
   *
   * @param position the position, from a command's answer; 0, before the first event, is taken in
   *     at once
   * @return whether they took it in
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public boolean awaitPosition(long position) throws InterruptedException {
    return readers.awaitPosition(position, WalletLimits.MAX_AFTER_WAIT);
  }

  /**
   * Waits, for at most five seconds, until every read model and process manager has taken in a
   * global position, and says why not if they did not.
   *
   * @param position the position, from a command's answer; 0, before the first event, is reached at
   *     once
   * @return reached; timed out; or, at once, the read model or process manager that is parked
   *     before the position, and where
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public AwaitOutcome awaitOutcome(long position) throws InterruptedException {
    return readers.awaitOutcome(position, WalletLimits.MAX_AFTER_WAIT);
  }

  /** {@return a wallet's credits available now, by the app's clock, or empty if it is unknown} */
  public Optional<Credits> credits(String userId) {
    Instant now = clock.instant();
    return creditsModel().find(userId).map(credits -> Credits.of(userId, credits, now));
  }

  /** {@return a wallet's credits as of an instant, replayed from the events recorded until then} */
  public Optional<Credits> creditsAsOf(String userId, Instant asOf) {
    return wallets.find(userId, AsOf.instant(asOf)).map(wallet -> Credits.of(userId, wallet, asOf));
  }

  /** {@return the invoices issued to a wallet's user, or empty if the wallet is unknown} */
  public Optional<List<Invoice>> invoices(String userId) {
    List<Invoice> invoices =
        projections
            .readModel(
                WalletProjections.INVOICES_MODEL, dev.boulevard.wallet.readmodel.Invoice.class)
            .findBy("userId", userId)
            .stream()
            .map(Invoice::of)
            .toList();
    if (invoices.isEmpty() && creditsModel().find(userId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(invoices);
  }

  /** {@return every stored event of a wallet, in order; empty if the wallet is unknown} */
  public List<Event> events(String userId) {
    return store.loadFromPlayhead(userId, 0).messages().stream()
        .map(
            message ->
                new Event(
                    message.playhead(),
                    registry.nameOf(message.payloadType()),
                    message.recordedOn(),
                    mapper.valueToTree(message.payload())))
        .toList();
  }

  /**
   * {@return who runs each projection and process manager, until when, and how far each got: the
   * same on every instance of a fleet, read from the database for those another instance runs}
   */
  public FleetStatus fleet() {
    return FleetStatus.of(
        projections.runnerName(),
        projections.status(),
        sagas.status(),
        publishing == null ? List.of() : publishing.status());
  }

  /** {@return at most the given number of the latest commands, newest first} */
  public List<AuditEntry> audit(int limit) {
    return audit.newest(limit).stream().map(this::auditEntry).toList();
  }

  private AuditEntry auditEntry(StoredCommand stored) {
    return new AuditEntry(
        stored.commandType(),
        userIdOf(stored.commandJson()),
        stored.succeeded() ? "succeeded" : "failed",
        stored.error().orElse(null),
        stored.dispatchedAt(),
        stored.duration());
  }

  private String userIdOf(String commandJson) {
    try {
      JsonNode userId = mapper.readTree(commandJson).get("userId");
      return userId != null && userId.isTextual() ? userId.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private ReadModelRepository<WalletCredits> creditsModel() {
    return projections.readModel(WalletProjections.CREDITS_MODEL, WalletCredits.class);
  }
}
