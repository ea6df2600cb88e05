package dev.boulevard.wallet.readmodel;

import dev.boulevard.readmodel.ReadModel;

/**
 * The last invoice number issued in one year, so that numbers are gap-free per year.
 *
 * @param id the year, such as {@code 2026}
 * @param last the last number issued in it, 0 before the first
 */
public record InvoiceCounter(String id, long last) implements ReadModel {

  /** {@return the counter of a year in which nothing was issued yet} */
  public static InvoiceCounter startOf(int year) {
    return new InvoiceCounter(Integer.toString(year), 0);
  }

  /** {@return the counter after one more invoice} */
  public InvoiceCounter next() {
    return new InvoiceCounter(id, last + 1);
  }

  /** {@return the number of the last invoice, such as {@code 2026/000001}} */
  public String lastNumber() {
    return String.format(java.util.Locale.ROOT, "%s/%06d", id, last);
  }
}
