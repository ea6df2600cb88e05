package dev.boulevard.serializer.jackson;

import dev.boulevard.serializer.SerializationException;

/** Thrown when a stored event cannot be brought to the current version of a registered type. */
public final class UpcastingException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private UpcastingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@return the exception for an event whose type and version no upcaster reads} */
  static UpcastingException noUpcaster(String type, int version, Integer current) {
    return new UpcastingException(
        "No upcaster reads version "
            + version
            + " of event type '"
            + type
            + "'"
            + (current == null
                ? ": the type is not registered, so an upcaster must rename it"
                : ": its current version is " + current),
        null);
  }

  /** {@return the exception for an event stored in a version newer than the code knows} */
  static UpcastingException newerThanCurrent(String type, int version, int current) {
    return new UpcastingException(
        "Event type '"
            + type
            + "' is stored in version "
            + version
            + ", newer than its current version "
            + current
            + ": was it written by a newer release?",
        null);
  }

  /** {@return the exception for an upcaster that threw, returned nothing or returned nulls} */
  static UpcastingException upcasterFailed(String type, int version, Throwable cause) {
    return new UpcastingException(
        "The upcaster of version " + version + " of event type '" + type + "' failed: " + cause,
        cause);
  }

  /** {@return the exception for a chain of upcasters that does not end} */
  static UpcastingException endless(String type, int version, int steps) {
    return new UpcastingException(
        "Upcasting version "
            + version
            + " of event type '"
            + type
            + "' took more than "
            + steps
            + " steps: do two upcasters rename into each other?",
        null);
  }

  /** {@return the exception for a stored payload that is not a JSON object} */
  static UpcastingException notAnObject(String type, int version, Throwable cause) {
    return new UpcastingException(
        "The payload of version "
            + version
            + " of event type '"
            + type
            + "' is not a JSON object: "
            + cause,
        cause);
  }
}
