package dev.boulevard.wallet.http;

import dev.boulevard.wallet.http.WalletClient.Answer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients that send additions and spends to a few wallets until stopped, and remember
 * what the app answered: each acknowledged command, and how many commands ended with an outcome the
 * client cannot know (cut off by a dying app, or refused because the database was down).
 */
final class CommandLoad {

  /** A command the app acknowledged: the wallet's playhead of the event it recorded. */
  record Ack(String userId, long playhead, String type, long amount) {}

  private final String prefix;
  private final int wallets;
  private final boolean appMayDie;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
  final AtomicInteger answered = new AtomicInteger();
  final AtomicInteger cutOff = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final AtomicInteger conflicts = new AtomicInteger();

  /** The last time, in {@link System#nanoTime()}, that a command was acknowledged. */
  final AtomicLong lastAck = new AtomicLong();

  /**
   * A load on wallets {@code prefix + 0} to {@code prefix + (wallets - 1)}; {@code appMayDie} tells
   * whether a lost connection ends a client (the app was killed) or is a failure of the app.
   */
  CommandLoad(String prefix, int wallets, boolean appMayDie) {
    this.prefix = prefix;
    this.wallets = wallets;
    this.appMayDie = appMayDie;
  }

  /** Starts the clients on an app; a stopped load may be started again, on another app. */
  CommandLoad start(WalletClient client, int clients) {
    stopped.set(false);
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> run(client), "load-client-" + c);
      threads.add(thread);
      thread.start();
    }
    return this;
  }

  /** Stops the clients and waits for their last answers. */
  void stop() throws InterruptedException {
    stopped.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    threads.clear();
  }

  /** {@return how many commands may or may not have been stored: cut off or refused with 503} */
  int uncertain() {
    return cutOff.get() + unavailable.get();
  }

  private void run(WalletClient client) {
    var random = ThreadLocalRandom.current();
    while (!stopped.get()) {
      String user = prefix + random.nextInt(wallets);
      boolean add = random.nextInt(10) < 7;
      long amount = 1 + random.nextInt(add ? 100 : 20);
      Answer answer;
      try {
        answer = client.command(add ? "AddWalletCredits" : "SubWalletCredits", user, amount);
      } catch (UncheckedIOException e) {
        cutOff.incrementAndGet();
        if (appMayDie) {
          return; // killed while it waited: stored or not
        }
        unexpected.add("no answer: " + e.getCause());
        continue;
      }
      answered.incrementAndGet();
      classify(answer, user, add, amount);
    }
  }

  private void classify(Answer answer, String user, boolean add, long amount) {
    switch (answer.status()) {
      case 200 -> {
        String type = add ? "WalletCreditsAdded" : "WalletCreditsSubtracted";
        acks.add(new Ack(user, answer.json().get("playhead").asLong(), type, amount));
        lastAck.set(System.nanoTime());
      }
      case 404, 422 -> {} // spends on wallets not yet created or beyond the balance
      case 409 -> conflicts.incrementAndGet(); // five attempts lost the race for the playhead
      case 503 -> {
        if (answer.error().equals("storage_unavailable")) {
          unavailable.incrementAndGet();
        } else {
          unexpected.add(answer.status() + " " + answer.body());
        }
      }
      default -> unexpected.add(answer.status() + " " + answer.body());
    }
  }
}
