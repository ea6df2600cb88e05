package dev.boulevard.messaging.kafka;

import dev.boulevard.messaging.contract.LagProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lag from an append to a consumer of the Kafka topic ({@link LagProbe}): a publication through
 * {@link KafkaTransport}, a {@link KafkaInbound} on a broker in the test JVM, at 200 and 1,000
 * events per second (or {@code -Dlag.rates=...}, {@code -Dlag.runs=...}). Runs only when asked for:
 * {@code -Dgroups=benchmark -DexcludedGroups=none() -Dtest=KafkaLagBenchmark}.
 */
@Tag("benchmark")
class KafkaLagBenchmark {

  @Test
  void lag_from_append_to_a_consumer_of_the_topic() throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    for (String rateText : System.getProperty("lag.rates", "200,1000").split(",")) {
      int rate = Integer.parseInt(rateText.trim());
      for (int run = 1; run <= Integer.getInteger("lag.runs", 3); run++) {
        String topic = "lag-" + UUID.randomUUID();
        broker.createTopic(topic, 3);
        try (var transport =
            KafkaTransport.builder(broker.bootstrapServers()).topic(topic).build()) {
          LagProbe.Result result =
              LagProbe.measure(
                  transport,
                  inbound -> {
                    KafkaInbound in =
                        KafkaInbound.builder(broker.bootstrapServers(), topic, "lag", inbound)
                            .build();
                    in.start();
                    return in;
                  },
                  rate,
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(20));
          System.out.printf("Kafka lag at %d events/s, run %d: %s%n", rate, run, result);
        }
      }
    }
  }
}
