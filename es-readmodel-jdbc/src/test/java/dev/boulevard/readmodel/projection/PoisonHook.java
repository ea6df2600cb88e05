package dev.boulevard.readmodel.projection;

import dev.boulevard.domain.DomainMessage;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Throws at every attempt on the events a test names, until it takes one off its list. */
final class PoisonHook implements TallyProjector.Hook {

  private final Set<UUID> poison = ConcurrentHashMap.newKeySet();

  void add(UUID eventId) {
    poison.add(eventId);
  }

  /** Removes the cause: the event goes through from now on. */
  void cure(UUID eventId) {
    poison.remove(eventId);
  }

  @Override
  public void at(DomainMessage message) {
    if (poison.contains(message.eventId())) {
      throw new IllegalStateException("Poison event " + message.eventId());
    }
  }
}
