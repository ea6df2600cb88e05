package dev.boulevard.observation;

/**
 * Hears of the appends and loads made through an {@link ObservedEventStore}, on the caller's
 * thread, once each has ended. Implementations must be thread-safe and quick, and should not throw:
 * a failure of the observer is logged and otherwise ignored.
 */
public interface StoreObserver {

  /**
   * An append ended.
   *
   * @param call what was appended, how long it took and how it ended
   */
  void appended(StoreCall call);

  /**
   * A load ended.
   *
   * @param call how many events were loaded, how long it took and how it ended
   */
  void loaded(StoreCall call);
}
