package dev.boulevard.wallet.http;

import dev.boulevard.wallet.http.WalletClient.Answer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Concurrent clients that send additions and spends to a few wallets until stopped, each command
 * with an {@code Idempotency-Key} of its own, and send a command again with its key until it gets
 * an answer: one cut off by a dying app waits for the next app (or {@link #resendPending}), one
 * refused with {@code 503} is sent again shortly. So every command ends with an answer that says
 * whether it was applied, and the load remembers each one applied ({@link #acks}).
 */
final class CommandLoad {

  /** A command the app applied: the wallet's playhead of the event it recorded. */
  record Ack(String userId, long playhead, String type, long amount) {}

  /** A command sent, with its key and how many times it was sent. */
  private record Sent(String userId, boolean add, long amount, String key, AtomicInteger sends) {

    String name() {
      return add ? "AddWalletCredits" : "SubWalletCredits";
    }
  }

  /** What became of one request: answered for good, to be sent again now, or left pending. */
  private enum Outcome {
    ANSWERED,
    AGAIN,
    LEFT
  }

  private static final long RESEND_PAUSE_MILLIS = 200;

  private final String prefix;
  private final int wallets;
  private final boolean appMayDie;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile boolean failOver;
  private final List<Thread> threads = new ArrayList<>();
  private final ConcurrentLinkedQueue<Sent> pending = new ConcurrentLinkedQueue<>();

  final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

  /** Commands sent, each counted once however often it was sent. */
  final AtomicInteger commands = new AtomicInteger();

  /** Answers received, a 503 included. */
  final AtomicInteger answered = new AtomicInteger();

  /** Requests that got no answer: the app died, or could not be reached. */
  final AtomicInteger cutOff = new AtomicInteger();

  /** Requests of those cut off that found no app listening: it was dead. */
  final AtomicInteger refused = new AtomicInteger();

  /** Answers {@code 503 storage_unavailable}. */
  final AtomicInteger unavailable = new AtomicInteger();

  /** Answers {@code 409 concurrency_conflict}: the command lost the race five times. */
  final AtomicInteger conflicts = new AtomicInteger();

  /** Commands sent more than once. */
  final AtomicInteger retried = new AtomicInteger();

  /** Requests that sent a command again. */
  final AtomicInteger resends = new AtomicInteger();

  /** Answers marked {@code Idempotent-Replayed}: an earlier, unanswered request had applied it. */
  final AtomicInteger replayed = new AtomicInteger();

  /** The last time, in {@link System#nanoTime()}, that a command was acknowledged. */
  final AtomicLong lastAck = new AtomicLong();

  /**
   * A load on wallets {@code prefix + 0} to {@code prefix + (wallets - 1)}; {@code appMayDie} tells
   * whether a lost connection means the app was killed (the command waits for the next app) or is a
   * failure of the app (noted as unexpected, and the command sent again).
   */
  CommandLoad(String prefix, int wallets, boolean appMayDie) {
    this.prefix = prefix;
    this.wallets = wallets;
    this.appMayDie = appMayDie;
  }

  /**
   * Starts the clients on an app, which first send again the commands left without an answer; a
   * stopped load may be started again, on another app.
   */
  CommandLoad start(WalletClient client, int clients) {
    return start(() -> client, clients, false);
  }

  /**
   * Starts the clients on a fleet of apps: each request goes to the app {@code instances} gives
   * next, and one cut off by an app that died, or one that answers nothing, is sent again at once,
   * with its key, to the next.
   */
  CommandLoad startOnFleet(Supplier<WalletClient> instances, int clients) {
    return start(instances, clients, true);
  }

  private CommandLoad start(Supplier<WalletClient> instances, int clients, boolean failOver) {
    stopped.set(false);
    this.failOver = failOver;
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> run(instances), "load-client-" + c);
      threads.add(thread);
      thread.start();
    }
    return this;
  }

  /**
   * Stops the clients and waits for their last answers; a command still refused with 503 is left
   * for {@link #resendPending}.
   */
  void stop() throws InterruptedException {
    stopped.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    threads.clear();
  }

  /** {@return how many commands are waiting to be sent again} */
  int pending() {
    return pending.size();
  }

  /**
   * Sends every command left without an answer again, with its key, until it is answered; fails if
   * one is not within two minutes.
   */
  void resendPending(WalletClient client) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (Sent command; (command = pending.poll()) != null; ) {
      while (send(client, command, true) == Outcome.AGAIN) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError("no answer within 2 minutes to " + command);
        }
        ThrowawayServer.pause(RESEND_PAUSE_MILLIS);
      }
    }
  }

  private void run(Supplier<WalletClient> instances) {
    var random = ThreadLocalRandom.current();
    while (!stopped.get()) {
      Sent command = pending.poll();
      if (command == null) {
        boolean add = random.nextInt(10) < 7;
        command =
            new Sent(
                prefix + random.nextInt(wallets),
                add,
                1 + random.nextInt(add ? 100 : 20),
                prefix + UUID.randomUUID(),
                new AtomicInteger());
        commands.incrementAndGet();
      }
      Outcome outcome;
      while ((outcome = send(instances.get(), command, false)) == Outcome.AGAIN) {
        ThrowawayServer.pause(failOver ? 20 : RESEND_PAUSE_MILLIS);
      }
      if (outcome == Outcome.LEFT) {
        return; // the app died, or the load stops while the database is away
      }
    }
  }

  /**
   * Sends a command once and {@return what became of it} Unless {@code finishing}, a command cut
   * off by a dying app, or refused with 503 while the load stops, is left pending.
   */
  private Outcome send(WalletClient client, Sent command, boolean finishing) {
    int sends = command.sends().getAndIncrement();
    if (sends > 0) {
      resends.incrementAndGet();
      if (sends == 1) {
        retried.incrementAndGet();
      }
    }
    Answer answer;
    try {
      answer = client.command(command.name(), command.userId(), command.amount(), command.key());
    } catch (UncheckedIOException e) {
      cutOff.incrementAndGet();
      refused.addAndGet(e.getCause() instanceof java.net.ConnectException ? 1 : 0);
      if (failOver) {
        return Outcome.AGAIN; // to the next instance
      }
      if (!appMayDie) {
        unexpected.add("no answer: " + e.getCause());
      } else if (!finishing) {
        pending.add(command); // killed while it waited, or already dead: the next app answers
        return Outcome.LEFT;
      }
      return Outcome.AGAIN;
    }
    answered.incrementAndGet();
    if (answer.status() == 503 && answer.error().equals("storage_unavailable")) {
      unavailable.incrementAndGet();
      if (stopped.get() && !finishing) {
        pending.add(command);
        return Outcome.LEFT;
      }
      return Outcome.AGAIN;
    }
    classify(answer, command);
    return Outcome.ANSWERED;
  }

  private void classify(Answer answer, Sent command) {
    switch (answer.status()) {
      case 200 -> {
        String type = command.add() ? "WalletCreditsAdded" : "WalletCreditsSubtracted";
        long playhead = answer.json().get("playhead").asLong();
        acks.add(new Ack(command.userId(), playhead, type, command.amount()));
        replayed.addAndGet(answer.replayed() ? 1 : 0);
        lastAck.set(System.nanoTime());
      }
      case 404, 422 -> {
        // spends on wallets not yet created or beyond the balance
        if (!List.of("wallet_not_found", "insufficient_credits").contains(answer.error())) {
          unexpected.add(answer.status() + " " + answer.body());
        }
      }
      case 409 -> conflicts.incrementAndGet(); // five attempts lost the race for the playhead
      default -> unexpected.add(answer.status() + " " + answer.body());
    }
  }
}
