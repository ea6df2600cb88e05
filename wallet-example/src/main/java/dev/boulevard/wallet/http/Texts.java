package dev.boulevard.wallet.http;

/** Keeps what a client sent short when an error message repeats it. */
final class Texts {

  private static final int MAX = 80;

  private Texts() {}

  static String shorten(String text) {
    return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
  }
}
