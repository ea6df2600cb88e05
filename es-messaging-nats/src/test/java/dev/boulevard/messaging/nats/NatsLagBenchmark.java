package dev.boulevard.messaging.nats;

import dev.boulevard.messaging.contract.LagProbe;
import io.nats.client.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lag from an append to a consumer of the NATS stream ({@link LagProbe}): a publication through
 * {@link NatsTransport}, a {@link NatsInbound} on the machine's server, at 200 and 1,000 events per
 * second (or {@code -Dlag.rates=...}, {@code -Dlag.runs=...}). Tagged {@code benchmark} and not
 * named as a test: run it with {@code -Dtest=NatsLagBenchmark}.
 */
@Tag("benchmark")
class NatsLagBenchmark {

  @Test
  void lag_from_append_to_a_consumer_of_the_stream() throws Exception {
    for (String rateText : System.getProperty("lag.rates", "200,1000").split(",")) {
      int rate = Integer.parseInt(rateText.trim());
      for (int run = 1; run <= Integer.getInteger("lag.runs", 3); run++) {
        Connection connection = NatsTestServers.shared();
        String stream = NatsTestServers.unique("LAG");
        try {
          var transport =
              NatsTransport.builder(connection).stream(stream)
                  .subjectPrefix(stream.toLowerCase())
                  .createStream(true)
                  .build();
          LagProbe.Result result =
              LagProbe.measure(
                  transport,
                  inbound -> {
                    NatsInbound in =
                        NatsInbound.builder(connection, stream, "lag", inbound).build();
                    in.start();
                    return in;
                  },
                  rate,
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(20));
          System.out.printf("NATS lag at %d events/s, run %d: %s%n", rate, run, result);
        } finally {
          NatsTestServers.deleteStream(connection, stream);
          connection.close();
        }
      }
    }
  }
}
