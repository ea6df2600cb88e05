package dev.boulevard.wallet.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.wallet.readmodel.Invoice;
import dev.boulevard.wallet.readmodel.WalletProjections;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Invoice numbers, and a rebuild of the invoices; in a class of its own because a runner restarted
 * on a database whose projection was rebuilt starts a stray worker (reported to the library).
 */
abstract class RebuildCases extends WalletTestCase {

  @Test
  void invoice_numbers_are_gap_free_per_year_and_the_same_after_a_rebuild() throws Exception {
    String user = null;
    for (int i = 0; i < 30; i++) {
      user = newUser();
      ok(i % 3 == 0 ? "AddBonusCredits" : "AddWalletCredits", user, 10 + i);
      ok("AddRefundCredits", user, 5);
    }
    long position = lastPosition(user); // the last command's event comes last in the log
    assertThat(app.queries().awaitPosition(position)).isTrue();
    List<Invoice> before = invoices();
    Map<String, List<Long>> byYear =
        before.stream()
            .collect(
                Collectors.groupingBy(
                    invoice -> invoice.number().substring(0, 4),
                    Collectors.mapping(
                        invoice -> Long.parseLong(invoice.number().substring(5)),
                        Collectors.toList())));
    byYear
        .values()
        .forEach(
            numbers ->
                assertThat(numbers.stream().sorted().toList())
                    .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList()));

    app.projections().rebuild(WalletProjections.INVOICES);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (app.projections().status(WalletProjections.INVOICES).rebuild().isPresent()) {
      assertThat(System.nanoTime()).as("the rebuild ends in time").isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(invoices()).isEqualTo(before);
  }

  private List<Invoice> invoices() {
    return app
        .projections()
        .readModel(WalletProjections.INVOICES_MODEL, Invoice.class)
        .findAll()
        .stream()
        .sorted(Comparator.comparing(Invoice::number))
        .toList();
  }
}
