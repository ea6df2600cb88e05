package dev.boulevard.wallet.http;

/**
 * A class that stored payloads name in {@link StoredPayloadCases}; nothing in the code refers to
 * it, so if it is ever initialised, or made, the stored data did it, and the property says so.
 */
final class StoredClassTripwire {

  /** The system property set once the class is initialised. */
  static final String INITIALISED = "boulevard.test.stored-class-tripwire";

  static {
    System.setProperty(INITIALISED, "initialised");
  }

  private StoredClassTripwire() {
    System.setProperty(INITIALISED, "instantiated");
  }
}
