package dev.boulevard.wallet.http;

import dev.boulevard.wallet.domain.WalletLimits;

/** Keeps what a client sent short when an error message repeats it. */
final class Texts {

  private Texts() {}

  static String shorten(String text) {
    int max = WalletLimits.MAX_QUOTED_INPUT;
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
