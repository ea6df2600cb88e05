package dev.boulevard.wallet.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Puts a running wallet app under load over HTTP and reports commands per second and latency
 * percentiles: {@code java -cp wallet.jar dev.boulevard.wallet.load.LoadGenerator [--url U]
 * [--clients 16] [--seconds 30] [--users 1000] [--json FILE]}; with {@code --json} it also writes
 * the report to FILE as one JSON object.
 *
 * <p>Each client adds credits to a random user, or spends or expires some, about half and half; the
 * report counts answers by status, where {@code 404 wallet_not_found} (a spend for a user with no
 * wallet yet) and {@code 422 insufficient_credits} are expected.
 */
public final class LoadGenerator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadGenerator() {}

  /**
   * Runs the load and prints the report.
   *
   * @param args the options
   * @throws InterruptedException if interrupted while the clients run
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = options(args);
    URI base = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int users = Integer.parseInt(options.getOrDefault("users", "1000"));
    String prefix = options.getOrDefault("prefix", "load" + System.currentTimeMillis() % 100_000);

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var statuses = new ConcurrentHashMap<Integer, LongAdder>();
    var latencies = new ArrayList<long[]>();
    var threads = new ArrayList<Thread>();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    for (int c = 0; c < clients; c++) {
      long[] own = new long[1_000_000];
      latencies.add(own);
      var counter = new int[1];
      Thread thread =
          new Thread(
              () -> {
                var random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && counter[0] < own.length) {
                  String user = prefix + "-" + random.nextInt(users);
                  String command =
                      random.nextBoolean() ? "AddWalletCredits" : randomSpend(random.nextInt(3));
                  long started = System.nanoTime();
                  int status = post(http, base, command, user, 1 + random.nextInt(100));
                  own[counter[0]++] = System.nanoTime() - started;
                  statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
                own[own.length - 1] = counter[0]; // the count, in the last slot
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    String json = report(latencies, statuses, seconds, clients);
    if (options.containsKey("json")) {
      try {
        Files.writeString(Path.of(options.get("json")), json);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the report to " + options.get("json"), e);
      }
    }
  }

  private static String randomSpend(int which) {
    return switch (which) {
      case 0 -> "SubCredits";
      case 1 -> "SubWalletCredits";
      default -> "ExpireCredits";
    };
  }

  private static int post(HttpClient http, URI base, String command, String user, long amount) {
    String body =
        command.equals("ExpireCredits")
            ? "{\"userId\":\"" + user + "\"}"
            : "{\"userId\":\"" + user + "\",\"amount\":" + amount + "}";
    var request =
        HttpRequest.newBuilder(base.resolve("/commands/" + command))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -2;
    }
  }

  private static String report(
      List<long[]> latencies, Map<Integer, LongAdder> statuses, int seconds, int clients) {
    int total = 0;
    for (long[] own : latencies) {
      total += (int) own[own.length - 1];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] own : latencies) {
      int count = (int) own[own.length - 1];
      System.arraycopy(own, 0, all, at, count);
      at += count;
    }
    Arrays.sort(all);
    long ok = statuses.getOrDefault(200, new LongAdder()).sum();
    long refused = statuses.getOrDefault(422, new LongAdder()).sum();
    System.out.printf(
        Locale.ROOT,
        "%d clients, %d s: %d commands, %.0f commands/s (%d succeeded, %d insufficient credits,"
            + " others %s)%n",
        clients,
        seconds,
        total,
        total / (double) seconds,
        ok,
        refused,
        statuses);
    ObjectNode json = JSON.createObjectNode();
    json.put("clients", clients)
        .put("seconds", seconds)
        .put("commands", total)
        .put("commandsPerSecond", total / (double) seconds)
        .put("succeeded", ok)
        .put("insufficientCredits", refused);
    ObjectNode millis = json.putObject("latencyMillis");
    for (double p : new double[] {50, 90, 99, 99.9}) {
      double value = percentile(all, p) / 1e6;
      System.out.printf(Locale.ROOT, "p%s %.2f ms%n", p, value);
      millis.put("p" + p, value);
    }
    double max = all.length == 0 ? 0 : all[all.length - 1] / 1e6;
    System.out.printf(Locale.ROOT, "max %.2f ms%n", max);
    millis.put("max", max);
    return json.toPrettyString();
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static Map<String, String> options(String[] args) {
    var options = new ConcurrentHashMap<String, String>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Options are --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
