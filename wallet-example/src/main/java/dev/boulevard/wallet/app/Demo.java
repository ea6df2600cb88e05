package dev.boulevard.wallet.app;

import dev.boulevard.domain.DomainMessage;
import dev.boulevard.wallet.app.WalletViews.Credits;
import dev.boulevard.wallet.domain.InsufficientCreditsException;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletCommand.AddBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddRefundCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A short scripted story on a fresh embedded database, printed readably. */
final class Demo {

  private static final String USER = "ada";

  private final WalletApp app;
  private final AdjustableClock clock;
  private final PrintStream out;
  private long position;

  private Demo(WalletApp app, AdjustableClock clock, PrintStream out) {
    this.app = app;
    this.clock = clock;
    this.out = out;
  }

  /** Runs the story on a temporary database, which is deleted afterwards. */
  static void run(PrintStream out) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("wallet-demo");
    var clock = AdjustableClock.withOffset(Duration.ZERO);
    String url = "jdbc:h2:file:" + directory.resolve("wallet") + ";LOCK_TIMEOUT=10000";
    try (WalletApp app = WalletApp.start(WalletOptions.forDatabase(url, "sa", ""), clock)) {
      new Demo(app, clock, out).story();
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private void story() throws InterruptedException {
    out.println("== Ada's wallet, on a fresh embedded database");
    command(new AddWalletCredits(USER, 100), "Ada pays for 100 WALLET credits");
    command(new AddBonusCredits(USER, 50), "Ada is given 50 BONUS credits, for 90 days");
    command(new AddRefundCredits(USER, 30), "Ada is refunded 30 REFUND credits, for 90 days");
    showCredits();
    command(new SubCredits(USER, 60), "Ada spends 60: BONUS goes first, then REFUND");
    showCredits();
    command(new SubCredits(USER, 1_000), "Ada tries to spend 1,000");
    Instant beforeExpiry = clock.instant();
    long playheadBeforeExpiry = lastEvent().playhead();
    clock.advance(Duration.ofDays(91));
    out.println("\n-- The clock moves 91 days on, to " + WalletJson.format(clock.instant()));
    out.println("   (the REFUND lot has expired: the balance leaves it out at once)");
    showCredits();
    awaitExpiry(playheadBeforeExpiry);
    command(new AddWalletCredits(USER, 25), "Ada pays for 25 more WALLET credits");
    showInvoices();
    showTimeTravel(beforeExpiry);
    showHistory();
  }

  private void command(WalletCommand command, String story) {
    out.println("\n-- " + story);
    out.println("   " + command);
    try {
      CommandResult result = app.commands().dispatch(command);
      if (result.position() != null) {
        position = result.position();
      }
      out.printf("   ok: playhead %d, position %s%n", result.playhead(), result.position());
    } catch (InsufficientCreditsException e) {
      out.println("   refused: " + e.getMessage() + " (nothing recorded)");
    }
  }

  /** Waits, at most 10 s, for the expiry process to record what is left of the REFUND lot. */
  private void awaitExpiry(long playhead) throws InterruptedException {
    out.println(
        "\n-- The expiry process records the expiry of what is left of the REFUND lot, unasked");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    DomainMessage last = lastEvent();
    while (last.playhead() <= playhead && System.nanoTime() < deadline) {
      Thread.sleep(20);
      last = lastEvent();
    }
    if (last.playhead() <= playhead) {
      out.println("   not yet: the expiry process is behind");
      return;
    }
    // The process stored it through its own dispatch; the log's head is at or after it.
    position = Math.max(position, app.eventStore().head().position());
    out.printf("   recorded at playhead %d: %s%n", last.playhead(), last.payload());
  }

  private DomainMessage lastEvent() {
    List<DomainMessage> history = app.eventStore().load(USER).messages();
    return history.get(history.size() - 1);
  }

  private void showCredits() throws InterruptedException {
    app.queries().awaitPosition(position);
    print("   credits now", app.queries().credits(USER).orElseThrow());
  }

  private void print(String title, Credits credits) {
    out.printf("%s: %s, total %d%n", title, credits.balances(), credits.total());
    credits
        .lots()
        .forEach(
            lot ->
                out.printf(
                    "     %-6s %5d left, added %s, expires %s%n",
                    lot.kind(),
                    lot.remaining(),
                    WalletJson.format(lot.addedAt()),
                    lot.expiresAt() == null ? "never" : WalletJson.format(lot.expiresAt())));
  }

  private void showInvoices() throws InterruptedException {
    app.queries().awaitPosition(position);
    out.println("\n-- Invoices (WALLET and REFUND additions; BONUS is a gift)");
    app.queries()
        .invoices(USER)
        .orElseThrow()
        .forEach(
            invoice ->
                out.printf(
                    "     %s  %-6s %5d  issued %s%n",
                    invoice.number(),
                    invoice.kind(),
                    invoice.amount(),
                    WalletJson.format(invoice.issuedAt())));
  }

  private void showTimeTravel(Instant asOf) {
    out.println("\n-- Time travel: the balances as of " + WalletJson.format(asOf));
    print("   credits then", app.queries().creditsAsOf(USER, asOf).orElseThrow());
  }

  private void showHistory() {
    out.println("\n-- The event store's history of the wallet");
    app.queries()
        .events(USER)
        .forEach(
            event ->
                out.printf("     %2d %-26s %s%n", event.playhead(), event.type(), event.payload()));
  }
}
