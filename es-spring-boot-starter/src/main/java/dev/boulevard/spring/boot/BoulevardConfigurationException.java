package dev.boulevard.spring.boot;

import dev.boulevard.BoulevardException;
import java.util.List;

/** Thrown at start when the starter's settings or the application's beans cannot be wired. */
public final class BoulevardConfigurationException extends BoulevardException {

  private static final long serialVersionUID = 1L;

  private BoulevardConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  private BoulevardConfigurationException(String message) {
    super(message);
  }

  /**
   * A property whose value cannot be used.
   *
   * @param property the property's name, such as {@code boulevard.event-store.table}
   * @param value its value
   * @param cause why it cannot be used
   * @return the exception
   */
  public static BoulevardConfigurationException badProperty(
      String property, Object value, RuntimeException cause) {
    return new BoulevardConfigurationException(
        "The property "
            + property
            + " = '"
            + value
            + "' cannot be used: "
            + cause.getMessage()
            + "; correct it in the application's configuration",
        cause);
  }

  /** {@return the exception for an application that declares no event types and no serializer} */
  public static BoulevardConfigurationException noEventTypes() {
    return new BoulevardConfigurationException(
        "No event types are declared: declare an EventTypes bean that registers each event class"
            + " under its stored name, or a Serializer bean of your own");
  }

  /**
   * Process managers are declared but not the commands they send.
   *
   * @param managers the process managers' names
   * @return the exception
   */
  public static BoulevardConfigurationException noCommandTypes(List<String> managers) {
    return new BoulevardConfigurationException(
        "The process managers "
            + managers
            + " send commands, but no CommandTypes bean names them: declare one that registers"
            + " each command class they send under its stored name");
  }

  /**
   * Two declarations register the same name or class.
   *
   * @param kind what was declared, such as {@code EventTypes}
   * @param cause the registry's complaint
   * @return the exception
   */
  public static BoulevardConfigurationException conflictingTypes(
      String kind, IllegalArgumentException cause) {
    return new BoulevardConfigurationException(
        "Two " + kind + " beans conflict: " + cause.getMessage(), cause);
  }
}
